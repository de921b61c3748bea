package org.clusterlens.platform.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * The web apps' own files (the respondent form's modules and styles, the staff app's pages, the
 * icon), as the container's default servlet sends them, but gzipped for a client that takes gzip
 * and with a Cache-Control that lets a phone keep them for an hour and then ask again with the
 * default servlet's ETag and Last-Modified (a 304 costs a few bytes). Mapped to every path in
 * web.xml: anything another servlet answers (the API, the error page) or that has no file name
 * (the page behind {@code /respond/{token}}, which stays {@code no-store}) passes untouched.
 */
public class StaticFiles extends HttpFilter {
    /** Text compresses to a fifth or less; images and the icon are compressed already. */
    private static final Set<String> COMPRESSED = Set.of("mjs", "js", "css", "html", "svg", "json");
    private static final Set<String> CACHED = Set.of("mjs", "js", "css", "html", "svg", "json", "ico", "png", "woff2");
    static final String ASSET_CACHE = "max-age=3600, must-revalidate";
    /** A page's address stays the same across releases: it is checked every time, cheaply. */
    static final String PAGE_CACHE = "no-cache";
    private static final String DEFAULT_SERVLET = "default";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String extension = extension(request);
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (!read || !CACHED.contains(extension) || !DEFAULT_SERVLET.equals(request.getHttpServletMapping().getServletName())) {
            chain.doFilter(request, response);
            return;
        }
        String cacheControl = "html".equals(extension) ? PAGE_CACHE : ASSET_CACHE;
        boolean compressible = COMPRESSED.contains(extension);
        // a byte range is of the file as stored, which a gzipped body is not
        boolean gzip = compressible && acceptsGzip(request) && request.getHeader("Range") == null;
        StaticFileResponse wrapped = new StaticFileResponse(response, cacheControl, compressible, gzip);
        try {
            chain.doFilter(request, wrapped);
        } finally {
            wrapped.finish();
        }
    }

    /** The extension of the file asked for, lower case; "" for a path whose last part has no dot. */
    static String extension(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Accept-Encoding names gzip without refusing it ("gzip;q=0"). */
    static boolean acceptsGzip(HttpServletRequest request) {
        for (var headers = request.getHeaders("Accept-Encoding"); headers.hasMoreElements(); ) {
            for (String coding : headers.nextElement().split(",")) {
                String[] parts = coding.trim().split(";");
                if (parts[0].trim().equalsIgnoreCase("gzip") || parts[0].trim().equals("*")) {
                    return parts.length < 2 || !parts[1].trim().matches("q=0(\\.0*)?");
                }
            }
        }
        return false;
    }
}
