package org.clusterlens.platform.http;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a state-changing request was made by ClusterLens' own pages. Credentials cannot tell:
 * a browser attaches a cached Basic password or a cookie to a post from any site. What the
 * browser says about where the request comes from can: {@code Sec-Fetch-Site} and {@code Origin},
 * which a page cannot forge. Scripts send neither and are not browsers, so they pass.
 */
public final class OwnPages {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /** What an HTML form can post without the page's scripts: the CORS "simple" content types. */
    private static final Set<String> FORM_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data",
            "text/plain");

    private OwnPages() {
    }

    public static boolean changesState(String method) {
        return !SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT));
    }

    /**
     * Why a state-changing request is refused, or empty when it may go on.
     *
     * @param fetchSite  the {@code Sec-Fetch-Site} header, or null
     * @param origin     the {@code Origin} header, or null
     * @param ownOrigins the origins ClusterLens' pages are served from, normalised by {@link #origin}
     */
    public static Optional<String> refusal(String fetchSite, String origin, Set<String> ownOrigins) {
        if (fetchSite != null && !"same-origin".equalsIgnoreCase(fetchSite.trim())) {
            return Optional.of("This change was sent from another site (Sec-Fetch-Site: " + fetchSite.trim()
                    + "). ClusterLens accepts changes from browsers only when they come from its own pages.");
        }
        if (origin != null) {
            Optional<String> normalised = origin(origin);
            if (normalised.isEmpty() || !ownOrigins.contains(normalised.get())) {
                return Optional.of("This change was sent from a page of " + origin.trim() + ", not of ClusterLens"
                        + (ownOrigins.isEmpty() ? "" : " (" + String.join(", ", ownOrigins.stream().sorted().toList())
                        + ")") + ". ClusterLens accepts changes from browsers only when they come from its own pages.");
            }
        }
        return Optional.empty();
    }

    /** Whether a body of this type could come from a plain HTML form on any site. */
    public static boolean isFormType(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim();
        return FORM_TYPES.contains(type.toLowerCase(Locale.ROOT));
    }

    /** {@code scheme://host[:port]}, lower case, without the scheme's default port; empty if not an origin. */
    public static Optional<String> origin(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme();
            String host = uri.getHost();
            boolean onlyAnOrigin = uri.getRawUserInfo() == null && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null && uri.getRawFragment() == null;
            if (scheme == null || host == null || !onlyAnOrigin
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return Optional.empty();
            }
            return Optional.of(origin(scheme, host, uri.getPort()));
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * The origin a browser used to reach this server, from the {@code Host} header, but only when
     * that header names the port the connection really came in on: a proxy in front (whose own
     * port the browser sees) or a forged header otherwise makes it someone else's origin, and then
     * only the configured public address counts.
     */
    public static Optional<String> requestOrigin(String scheme, String hostHeader, int localPort) {
        if (scheme == null || hostHeader == null || hostHeader.isBlank()) {
            return Optional.empty();
        }
        Optional<String> parsed = origin(scheme + "://" + hostHeader.trim());
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        URI uri = URI.create(parsed.get());
        int port = uri.getPort() < 0 ? defaultPort(scheme) : uri.getPort();
        return port == localPort ? parsed : Optional.empty();
    }

    private static String origin(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        String h = host.toLowerCase(Locale.ROOT);
        return s + "://" + h + (port < 0 || port == defaultPort(s) ? "" : ":" + port);
    }

    private static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
