package io.nextbest.catalog.admin;

import static io.nextbest.support.auth.ApiKeyAuthenticator.API_KEY_HEADER;
import static io.nextbest.support.auth.ApiKeyAuthenticator.TENANT_HEADER;

import io.nextbest.catalog.apikey.AdminCredentials;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.support.auth.ForbiddenException;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Authenticates every admin API call ({@code X-API-Key}, {@code X-Tenant-Id}) and stores the
 * {@link AdminCaller} as a request attribute; 401 for a missing, unknown, revoked or expired key,
 * or a tenant key used with another tenant's id.
 */
@Component
class AdminAuthFilter implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private static final String CALLER = AdminCaller.class.getName();

    private final AdminCredentials credentials;

    AdminAuthFilter(AdminCredentials credentials) {
        this.credentials = credentials;
    }

    static AdminCaller caller(ServerRequest request) {
        return (AdminCaller) request.attribute(CALLER).orElseThrow(() -> AdminException.unauthorized("not authenticated"));
    }

    @Override
    public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        String raw = request.headers().firstHeader(API_KEY_HEADER);
        if (raw == null || raw.isBlank()) {
            return Mono.error(AdminException.unauthorized("missing X-API-Key"));
        }
        Optional<TenantId> tenant;
        try {
            tenant = Optional.ofNullable(request.headers().firstHeader(TENANT_HEADER)).map(TenantId::new);
        } catch (IllegalArgumentException e) {
            return Mono.error(new AdminException(400, "INVALID_TENANT", e.getMessage()));
        }
        return credentials.isBootstrap(raw).flatMap(bootstrap -> bootstrap
                        ? Mono.just(AdminCaller.operator(tenant))
                        : credentials.tenantOfAdminKey(raw)
                                .filter(holder -> tenant.map(holder.tenant()::equals).orElse(true))
                                .flatMap(AdminCredentials.KeyHolder::unlessRestricted)
                                .map(AdminCaller::tenantAdmin))
                .switchIfEmpty(Mono.error(AdminException.unauthorized("invalid, revoked or expired API key")))
                .onErrorMap(ForbiddenException.class, e -> AdminException.forbidden(e.getMessage()))
                .flatMap(caller -> {
                    request.attributes().put(CALLER, caller);
                    return next.handle(request);
                });
    }
}
