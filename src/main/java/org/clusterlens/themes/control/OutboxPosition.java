package org.clusterlens.themes.control;

import java.util.Map;
import java.util.Optional;

/**
 * How far an index has read the outbox: every row at or before this position is in it. Rows are
 * ordered by the transaction that wrote them ({@code xid}, always 0 on H2), then by number.
 */
public record OutboxPosition(long xid, long seq) implements Comparable<OutboxPosition> {
    public static final OutboxPosition START = new OutboxPosition(0, 0);

    private static final String XID = "outbox.xid";
    private static final String SEQ = "outbox.seq";

    @Override
    public int compareTo(OutboxPosition other) {
        int byXid = Long.compare(xid, other.xid);
        return byXid != 0 ? byXid : Long.compare(seq, other.seq);
    }

    public boolean isAfter(OutboxPosition other) {
        return compareTo(other) > 0;
    }

    /** Read from an index commit's user data; absent when the index never recorded one. */
    public static Optional<OutboxPosition> of(Map<String, String> commitData) {
        String xid = commitData.get(XID);
        String seq = commitData.get(SEQ);
        if (xid == null || seq == null) {
            return Optional.empty();
        }
        return Optional.of(new OutboxPosition(Long.parseLong(xid), Long.parseLong(seq)));
    }

    public void writeTo(Map<String, String> commitData) {
        commitData.put(XID, String.valueOf(xid));
        commitData.put(SEQ, String.valueOf(seq));
    }
}
