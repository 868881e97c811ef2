package io.nextbest.standalone.infra;

import io.nextbest.standalone.StandaloneProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the embedded broker and database before the context refreshes, so the Kafka and R2DBC
 * beans are created against them, and registers them as the context's first disposable bean so
 * they are closed last, after every Kafka client and connection pool.
 */
public class EmbeddedInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String BEAN_NAME = "embeddedInfrastructure";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructureInitializer.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        StandaloneProperties settings = Binder.get(context.getEnvironment())
                .bind(StandaloneProperties.PREFIX, StandaloneProperties.class)
                .orElseThrow(() -> new IllegalStateException(StandaloneProperties.PREFIX + ".* settings are missing"));
        if (!settings.embeddedInfrastructure()) {
            log.info("Embedded infrastructure disabled; using the configured Kafka and PostgreSQL");
            return;
        }
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(settings);
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource(BEAN_NAME, infrastructure.springProperties()));
        DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
        beans.registerSingleton(BEAN_NAME, infrastructure);
        beans.registerDisposableBean(BEAN_NAME, infrastructure::close);
        log.info("Embedded infrastructure started: {}", infrastructure.describe());
    }
}
