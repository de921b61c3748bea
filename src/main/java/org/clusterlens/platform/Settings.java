package org.clusterlens.platform;

/**
 * Every configuration key ClusterLens reads, in one place. Each is a MicroProfile Config property,
 * so it can also come from a system property ({@code -Dclusterlens.data.dir=…}) or an environment
 * variable ({@code CLUSTERLENS_DATA_DIR}). docs/configuration.md explains them.
 */
public final class Settings {
    /** Data source class; {@code org.postgresql.ds.PGSimpleDataSource} for PostgreSQL. */
    public static final String DB_DATASOURCE = "clusterlens.db.datasource";
    public static final String DB_URL = "clusterlens.db.url";
    public static final String DB_USER = "clusterlens.db.user";
    public static final String DB_PASSWORD = "clusterlens.db.password";

    /** Where derived data (the search index, generated reports) lives. */
    public static final String DATA_DIR = "clusterlens.data.dir";
    public static final String DATA_DIR_DEFAULT = "data";

    /** The search index of free-text answers; empty: {@code themes} in the data directory. One per instance. */
    public static final String THEMES_DIR = "clusterlens.themes.dir";
    /** How often the indexer looks for new outbox rows besides the nudge after each submission. */
    public static final String THEMES_POLL_SECONDS = "clusterlens.themes.poll-seconds";
    public static final String THEMES_POLL_SECONDS_DEFAULT = "2";

    public static final String ADMIN_EMAIL = "clusterlens.admin.email";
    public static final String ADMIN_PASSWORD = "clusterlens.admin.password";

    /** Largest request body accepted, in bytes. */
    public static final String MAX_REQUEST_BYTES = "clusterlens.request.max-bytes";
    public static final String MAX_REQUEST_BYTES_DEFAULT = "2097152";

    /** Whether the shipped questionnaire library in forms/ is loaded at start-up. */
    public static final String LOAD_FORMS = "clusterlens.forms.load";

    /** SMTP server for invitation emails; empty: no email is sent (the links are still returned). */
    public static final String MAIL_HOST = "clusterlens.mail.smtp.host";
    public static final String MAIL_PORT = "clusterlens.mail.smtp.port";
    public static final String MAIL_PORT_DEFAULT = "25";
    public static final String MAIL_FROM = "clusterlens.mail.from";
    public static final String MAIL_FROM_DEFAULT = "clusterlens@localhost";
    public static final String MAIL_USER = "clusterlens.mail.smtp.user";
    public static final String MAIL_PASSWORD = "clusterlens.mail.smtp.password";
    public static final String MAIL_STARTTLS = "clusterlens.mail.smtp.starttls";
    public static final String MAIL_STARTTLS_DEFAULT = "false";
    /** Seconds a connection, a read or a write to the mail server may take before the email fails. */
    public static final String MAIL_TIMEOUT = "clusterlens.mail.smtp.timeout";
    public static final String MAIL_TIMEOUT_DEFAULT = "10";

    /** The address respondents reach the application at, for the links in emails. */
    public static final String PUBLIC_URL = "clusterlens.public.url";
    public static final String PUBLIC_URL_DEFAULT = "http://localhost:8080";

    /** Open-link registrations per client address: a burst, then one more every so many seconds. */
    public static final String REGISTRATION_BURST = "clusterlens.respond.registration.burst";
    public static final String REGISTRATION_BURST_DEFAULT = "10";
    public static final String REGISTRATION_REFILL_SECONDS = "clusterlens.respond.registration.refill-seconds";
    public static final String REGISTRATION_REFILL_SECONDS_DEFAULT = "6";

    /**
     * Wrong passwords: free tries per account and per client address, then a wait that starts at
     * the base delay and doubles with each further failure, up to the maximum.
     */
    public static final String SIGNIN_ACCOUNT_FAILURES = "clusterlens.signin.throttle.account-failures";
    public static final String SIGNIN_ACCOUNT_FAILURES_DEFAULT = "5";
    public static final String SIGNIN_ADDRESS_FAILURES = "clusterlens.signin.throttle.address-failures";
    public static final String SIGNIN_ADDRESS_FAILURES_DEFAULT = "50";
    public static final String SIGNIN_BASE_DELAY_SECONDS = "clusterlens.signin.throttle.base-delay-seconds";
    public static final String SIGNIN_BASE_DELAY_SECONDS_DEFAULT = "1";
    public static final String SIGNIN_MAX_DELAY_SECONDS = "clusterlens.signin.throttle.max-delay-seconds";
    public static final String SIGNIN_MAX_DELAY_SECONDS_DEFAULT = "900";

    /** Addresses of reverse proxies whose X-Forwarded-For is believed; empty: none is. */
    public static final String TRUSTED_PROXIES = "clusterlens.signin.trusted-proxies";

    /** Whether a process on the server's own machine sees /metrics and the data of /health without signing in. */
    public static final String MONITORING_TRUST_LOOPBACK = "clusterlens.monitoring.trust-loopback";
    public static final String MONITORING_TRUST_LOOPBACK_DEFAULT = "true";

    private Settings() {
    }
}
