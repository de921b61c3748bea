package org.clusterlens.responses.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Serves the respondent form for every invitation link, {@code /respond/{token}} and
 * {@code /respond/open/{openToken}}: the page is one static file whose script reads the token from
 * the address. The form's own files (names with a dot) pass through to the default servlet; asked
 * for under {@code /respond/open/} (relative URLs resolve there) they are the same files.
 * Mapped to {@code /respond/*} in web.xml.
 */
public class RespondPage extends HttpFilter {

    private static final String PAGE = "/respond/index.html";
    private static final String ICON = "favicon.ico";

    /**
     * The form runs only its own module files and builds the page with DOM calls: no inline script
     * or style, so an answer or a name that smuggled in markup could not run even if it reached
     * the page as HTML. {@code data:} images are for the browser's own control icons.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String rest = path.startsWith("/respond/") ? path.substring("/respond/".length()) : "";
        String last = rest.substring(rest.lastIndexOf('/') + 1);
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        if (last.equals(ICON)) {
            // the page's icon is the application's one, at its root, whichever page asks for it
            request.getRequestDispatcher("/" + ICON).forward(request, response);
            return;
        }
        if (last.contains(".")) {
            if (rest.contains("/")) {
                request.getRequestDispatcher("/respond/" + last).forward(request, response);
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        if (rest.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        // The address is a credential: keep it out of caches and out of Referer headers.
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        request.getRequestDispatcher(PAGE).forward(request, response);
    }
}
