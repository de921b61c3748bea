package org.clusterlens.staff.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Serves the staff web app at the root, {@code /} (one static page whose script routes by the
 * address's {@code #/…} part), with the same strict Content-Security-Policy as the respondent form.
 * Mapped to every path because a filter mapped to {@code /} alone is matched differently by
 * containers; everything that is not the staff app passes straight through.
 */
@WebFilter(urlPatterns = "/*")
public class StaffPage extends HttpFilter {

    private static final String PAGE = "/index.html";

    /**
     * Only the app's own module files run and the page is built with DOM calls: a name or an answer
     * that smuggled in markup cannot run. {@code img-src 'self'} lets the open link's QR code load.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean root = path.isEmpty() || path.equals("/");
        if (!root && !path.equals(PAGE) && !path.startsWith("/staff/")) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (root) {
            // as StaticFiles does for the page by its own name: checked every time, so a release is seen at once
            response.setHeader("Cache-Control", "no-cache");
            request.getRequestDispatcher(PAGE).forward(request, response);
        } else {
            chain.doFilter(request, response);
        }
    }
}
