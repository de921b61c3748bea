package org.clusterlens.studies.entity;

/** How an actor came into a study's register; self-registered actors are unverified. */
public enum RegisteredVia {
    /** Added one by one or imported by the study team. */
    study_team,
    /** Registered by the respondent through the study's open link. */
    open_link
}
