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

    public static final String ADMIN_EMAIL = "clusterlens.admin.email";
    public static final String ADMIN_PASSWORD = "clusterlens.admin.password";

    /** Largest request body accepted, in bytes. */
    public static final String MAX_REQUEST_BYTES = "clusterlens.request.max-bytes";
    public static final String MAX_REQUEST_BYTES_DEFAULT = "2097152";

    /** Whether the shipped questionnaire library in forms/ is loaded at start-up. */
    public static final String LOAD_FORMS = "clusterlens.forms.load";

    private Settings() {
    }
}
