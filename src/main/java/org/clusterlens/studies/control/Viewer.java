package org.clusterlens.studies.control;

import org.clusterlens.accounts.entity.Role;
import org.clusterlens.studies.entity.Actor;

/**
 * Who is looking at a study, and so what they may see: agents and admins see who said what;
 * leads see pseudonyms instead, unless the study lets its leads see identities.
 */
public record Viewer(long studyId, String caller, Role role, boolean identified, Pseudonyms pseudonyms) {

    public String pseudonym(Actor actor) {
        return pseudonyms.of(actor.id());
    }

    public String pseudonym(long actorId) {
        return pseudonyms.of(actorId);
    }
}
