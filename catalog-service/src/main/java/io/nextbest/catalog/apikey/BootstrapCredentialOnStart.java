package io.nextbest.catalog.apikey;

import java.time.Duration;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Creates the bootstrap admin credential on the first start when configuration gives none. */
@Component
class BootstrapCredentialOnStart implements ApplicationRunner {

    private final AdminCredentials credentials;

    BootstrapCredentialOnStart(AdminCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public void run(ApplicationArguments args) {
        credentials.ensureBootstrapCredential().block(Duration.ofSeconds(30));
    }
}
