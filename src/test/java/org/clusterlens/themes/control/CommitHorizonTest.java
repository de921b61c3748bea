package org.clusterlens.themes.control;

import org.clusterlens.responses.control.OutboxWriters;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CommitHorizonTest {
    private final OutboxWriters writers = new OutboxWriters();
    private final AtomicLong highest = new AtomicLong();
    private final CommitHorizon horizon = new CommitHorizon(highest::get, writers);

    @Test
    void withNobodyWritingEveryCommittedNumberIsSettled() {
        highest.set(50);
        assertEquals(50, horizon.settled());
    }

    @Test
    void aWriterHoldingALowerNumberHoldsTheHorizonUntilItEnds() {
        long slow = writers.enter(); // took number 1
        long fast = writers.enter(); // took number 2 and committed
        highest.set(2);
        writers.leave(fast);
        assertEquals(0, horizon.settled());
        assertEquals(0, horizon.settled());
        writers.leave(slow);
        assertEquals(2, horizon.settled());
    }

    @Test
    void writersThatEnterLaterDoNotHoldBackWhatSettledBeforeThem() {
        long first = writers.enter();
        highest.set(10);
        assertEquals(0, horizon.settled());
        writers.leave(first);
        long later = writers.enter(); // numbered above 10, since numbers only grow
        assertEquals(10, horizon.settled());
        highest.set(12);
        assertEquals(10, horizon.settled(), "12 waits for the writer that entered before it was read");
        writers.leave(later);
        assertEquals(12, horizon.settled());
    }

    /**
     * A writer enters and takes number 5 just before the highest number is read, and another
     * commits 6 meanwhile. Listing the writers before reading the highest number would miss the
     * first one and settle on 6 while 5 can still commit.
     */
    @Test
    void theHighestNumberIsReadBeforeTheWritersAreListed() {
        long[] slow = new long[1];
        CommitHorizon racing = new CommitHorizon(() -> {
            slow[0] = writers.enter();
            long fast = writers.enter();
            writers.leave(fast);
            return 6;
        }, writers);
        assertEquals(0, racing.settled());
        writers.leave(slow[0]);
        assertEquals(6, racing.settled());
    }
}
