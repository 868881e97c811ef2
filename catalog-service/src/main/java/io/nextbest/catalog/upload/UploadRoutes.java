package io.nextbest.catalog.upload;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The personalization API's product upload, at the path its clients call. */
@Configuration(proxyBeanMethods = false)
class UploadRoutes {

    static final String PATH = "/upload_products_file";

    @Bean
    RouterFunction<ServerResponse> productUploadRoute(UploadHandler handler) {
        return RouterFunctions.route().POST(PATH, handler::upload).build();
    }
}
