package io.nextbest.decision.prediction;

import io.nextbest.decision.readmodel.DecisionReadModels;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Predictions' wiring: the core over decision's read models and the per-project snapshots. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PredictionProperties.class)
class PredictionConfiguration {

    @Bean
    Predictor decisionPredictor(DecisionReadModels readModels, PredictionProperties settings) {
        return new Predictor(readModels, new ProjectSnapshots(readModels, settings, Clock.systemUTC()), settings);
    }
}
