package io.nextbest.feedback;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * Everything feedback-service contributes to a process: the Kafka Streams topology that turns events, outcomes and decisions into statistics, contact history, item models and credit balances. Its own application and standalone
 * both import it.
 */
@Configuration(proxyBeanMethods = false)
// The service's own application class is left out so standalone does not pick up four of them.
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class))
public class FeedbackServiceConfiguration {
}
