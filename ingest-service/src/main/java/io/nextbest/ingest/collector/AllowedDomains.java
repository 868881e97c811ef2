package io.nextbest.ingest.collector;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Whether a web request's origin is one of a tracker's allowed domains: the host of the
 * {@code Origin} header, else of {@code Referer}, equal to an entry or, for an entry
 * {@code *.example.com}, a subdomain of it. No header, an unparsable one or an empty list
 * is not allowed: a tracker must name its sites.
 */
final class AllowedDomains {

    private AllowedDomains() {
    }

    static boolean allows(List<String> allowedDomains, String origin, String referer) {
        String host = hostOf(origin != null && !origin.isBlank() ? origin : referer);
        if (host == null || allowedDomains == null) {
            return false;
        }
        return allowedDomains.stream().map(d -> d.toLowerCase(Locale.ROOT)).anyMatch(domain -> matches(domain, host));
    }

    private static boolean matches(String domain, String host) {
        if (domain.startsWith("*.")) {
            return host.endsWith(domain.substring(1));
        }
        return host.equals(domain);
    }

    private static String hostOf(String url) {
        if (url == null || url.isBlank() || "null".equals(url)) {
            return null;
        }
        try {
            String host = URI.create(url.strip()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
