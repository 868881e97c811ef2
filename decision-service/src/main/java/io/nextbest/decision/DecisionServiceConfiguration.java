package io.nextbest.decision;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * Everything decision-service contributes to a process: the ranking pipeline, experiments, model and experiment predictions, and their read models. Its own application and standalone
 * both import it.
 */
@Configuration(proxyBeanMethods = false)
// The service's own application class is left out so standalone does not pick up four of them.
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class))
public class DecisionServiceConfiguration {
}
