package org.clusterlens.platform;

import jakarta.annotation.sql.DataSourceDefinition;

/**
 * The one application data source. Payara resolves {@code ${MPCONFIG=key:default}} when it deploys
 * the pool, before the application's own config file is read, so the defaults live here and are
 * repeated in {@link Settings}. Environment variables ({@code CLUSTERLENS_DB_URL}, …) and system
 * properties override them through MicroProfile Config's usual name mapping. H2 otherwise delays
 * writing committed transactions by up to half a second; {@code WRITE_DELAY=0} makes a commit
 * survive {@code kill -9}. H2 is reached through its {@code Driver}, not {@code JdbcDataSource}:
 * that one is also an {@code XADataSource}, which sends every commit through Payara's
 * distributed-transaction path and a second H2 commit on connection close (measured: a quarter of
 * a submission's time, and latency spikes under load).
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "${MPCONFIG=clusterlens.db.datasource:org.h2.Driver}",
        url = "${MPCONFIG=clusterlens.db.url:jdbc:h2:file:./data/db/clusterlens;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0}",
        user = "${MPCONFIG=clusterlens.db.user:clusterlens}",
        password = "${MPCONFIG=clusterlens.db.password:clusterlens}",
        minPoolSize = 2,
        maxPoolSize = 48,
        initialPoolSize = 2)
public class Database {
    public static final String JNDI_NAME = "java:app/jdbc/clusterlens";

    private Database() {
    }
}
