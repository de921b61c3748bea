package org.clusterlens.responses.control;

import java.util.Set;

/**
 * The actors a linkage answer may name: those of the respondent's study register, other than the
 * respondent. Asked only about the ids an answer names, so that validating a submission costs the
 * same in a register of 50 firms as in one of 20,000.
 */
@FunctionalInterface
public interface LinkableActors {

    LinkableActors NONE = ids -> Set.of();

    /** @return those of {@code actorIds} that may be named */
    Set<Long> among(Set<Long> actorIds);
}
