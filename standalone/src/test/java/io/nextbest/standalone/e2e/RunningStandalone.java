package io.nextbest.standalone.e2e;

import io.nextbest.standalone.StandaloneApplication;
import io.nextbest.testsupport.FreePorts;
import io.nextbest.testsupport.ServiceProbes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.FileSystemUtils;

/**
 * One standalone platform as a newcomer starts it, shared by every end-to-end test of the JVM:
 * its own broker and database on free ports, data in a temporary directory, and the demo tenant
 * with the sample data under a fixed id and key ({@code nextbest.catalog.demo.tenant-id} /
 * {@code api-key}, the properties behind {@code NEXTBEST_DEMO_TENANT_ID} /
 * {@code NEXTBEST_DEMO_API_KEY}). Ready means what the README says: readiness answers UP. No extra
 * wait for the sample data: readiness promises it has arrived, and these tests hold it to that.
 */
public final class RunningStandalone implements AutoCloseable {

    public static final String TENANT = "e2e-demo";
    /** Well formed as the README requires: {@code nbk_<8 a-z0-9>_<32 A-Za-z0-9>}. */
    public static final String API_KEY = "nbk_e2edemo1_E2eDemoKeyForTheSeedClients01234";
    public static final String TRACKER = "sbx-web";
    public static final String STORE = "sbx-store-1";

    private static final Logger log = LoggerFactory.getLogger(RunningStandalone.class);

    private final Path dataDir;
    private final ConfigurableApplicationContext context;
    private final WebTestClient web;
    private final Duration startup;

    RunningStandalone() throws IOException {
        long started = System.nanoTime();
        dataDir = Files.createTempDirectory("nextbest-e2e");
        context = StandaloneApplication.start(
                "--server.port=0",
                "--nextbest.standalone.data-dir=" + dataDir,
                "--nextbest.standalone.kafka-port=" + FreePorts.find(),
                "--nextbest.standalone.postgres-port=" + FreePorts.find(),
                "--nextbest.catalog.demo.tenant-id=" + TENANT,
                "--nextbest.catalog.demo.api-key=" + API_KEY);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30)).build();
        ServiceProbes.awaitReadiness(web);
        // Readiness UP must include the sample data's arrival, or the first calls race it.
        web.get().uri("/actuator/health/readiness").exchange().expectBody().jsonPath("$.components.sampleData.status").isEqualTo("UP");
        startup = Duration.ofNanos(System.nanoTime() - started);
        log.info("End-to-end tests: standalone ready (sample data included) {} ms after the start", startup.toMillis());
    }

    /** An HTTP client against the running platform's one port, as an outside client sees it. */
    public WebTestClient web() {
        return web;
    }

    /** From the constructor to readiness UP, for the log of the CI run. */
    public Duration startup() {
        return startup;
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            FileSystemUtils.deleteRecursively(dataDir.toFile());
        }
    }
}
