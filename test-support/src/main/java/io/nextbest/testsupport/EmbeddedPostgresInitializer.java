package io.nextbest.testsupport;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each Spring test context its own fresh database on the {@link SharedPostgres} server and
 * points R2DBC and Flyway at it, so Flyway migrations of one test context never collide with another's.
 */
public class EmbeddedPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String PROPERTY_SOURCE_NAME = "sharedEmbeddedPostgres";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String database = SharedPostgres.freshDatabase(databasePrefix(context));
        Map<String, Object> properties = Map.of(
                "spring.r2dbc.url", SharedPostgres.r2dbcUrl(database),
                "spring.r2dbc.username", SharedPostgres.username(),
                "spring.r2dbc.password", SharedPostgres.password(),
                "spring.flyway.url", SharedPostgres.jdbcUrl(database),
                "spring.flyway.user", SharedPostgres.username(),
                "spring.flyway.password", SharedPostgres.password());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
    }

    /** Naming the database after the application makes a leftover database traceable when debugging. */
    private static String databasePrefix(ConfigurableApplicationContext context) {
        return context.getEnvironment().getProperty("spring.application.name", "test");
    }
}
