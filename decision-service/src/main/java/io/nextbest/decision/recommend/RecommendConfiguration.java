package io.nextbest.decision.recommend;

import io.nextbest.decision.personalization.FormulaEngine;
import io.nextbest.decision.personalization.Personalizer;
import io.nextbest.decision.pipeline.DecisionPipeline;
import io.nextbest.decision.readmodel.DecisionReadModels;
import java.time.Clock;
import org.apache.commons.rng.simple.RandomSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Recommend's wiring: the decisioning core over decision's read models, and which recommendations are traced. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TraceProperties.class)
class RecommendConfiguration {

    @Bean
    Recommender decisionRecommender(DecisionReadModels readModels, TraceProperties trace) {
        // A fresh, randomly seeded generator per decision: Thompson draws must differ between calls.
        DecisionPipeline pipeline = new DecisionPipeline(new Personalizer(new FormulaEngine()),
                RandomSource.XO_RO_SHI_RO_128_PP::create);
        return new Recommender(readModels, pipeline, new TraceSampling(trace), Clock.systemUTC());
    }
}
