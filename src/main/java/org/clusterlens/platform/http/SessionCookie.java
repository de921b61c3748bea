package org.clusterlens.platform.http;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;

/**
 * The browser session cookie: unreadable by scripts and never sent on cross-site requests, which
 * with the CSRF token keeps other sites from acting as a logged-in agent. Set here because
 * Payara ignores the SameSite attribute when it is declared in web.xml.
 */
@WebListener
public class SessionCookie implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setName("CLUSTERLENS_SESSION");
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Strict");
    }
}
