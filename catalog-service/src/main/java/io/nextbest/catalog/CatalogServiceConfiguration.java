package io.nextbest.catalog;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * Everything catalog-service contributes to a process: the configuration schema, the admin API, API keys, the product upload and the outbox relay. Its own application and standalone
 * both import it.
 */
@Configuration(proxyBeanMethods = false)
// The service's own application class is left out so standalone does not pick up four of them.
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class))
public class CatalogServiceConfiguration {
}
