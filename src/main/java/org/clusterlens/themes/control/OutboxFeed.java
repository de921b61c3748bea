package org.clusterlens.themes.control;

import java.util.List;

/**
 * The committed outbox rows in an order that no later commit can break: a row is handed out only
 * once no transaction still running could commit a row before it. Reading it from a position
 * therefore takes every committed row exactly once, however late each commit came. PostgreSQL
 * tells by transaction ids ({@link PostgresOutboxFeed}), H2 by this instance's own writers
 * ({@link H2OutboxFeed}).
 */
public interface OutboxFeed {

    /** Up to {@code limit} settled rows after {@code position}, in order. */
    List<OutboxRow> after(OutboxPosition position, int limit);

    /**
     * A position at or before which every row is settled and was committed before this call
     * returned: a rebuild that reads the tables after it misses nothing by resuming from there.
     */
    OutboxPosition settled();

    /** False when the database never got this far: the index was made from another database. */
    boolean reached(OutboxPosition position);

    /** Which database the positions belong to, recorded in the index beside the position. */
    String database();
}
