-- Responses (a draft until submitted) and the outbox that the search indexer follows.

CREATE SEQUENCE response_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE response (
    id                  BIGINT       NOT NULL PRIMARY KEY,
    invitation_id       BIGINT       NOT NULL REFERENCES invitation (id),
    study_id            BIGINT       NOT NULL REFERENCES study (id),
    wave_id             BIGINT       NOT NULL REFERENCES wave (id),
    actor_id            BIGINT       NOT NULL REFERENCES actor (id),
    template_version_id BIGINT       NOT NULL REFERENCES template_version (id),
    language            VARCHAR(16)  NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    answers             TEXT         NOT NULL,
    revision            INTEGER      NOT NULL,
    submission_id       VARCHAR(64),
    submitted_at        TIMESTAMP WITH TIME ZONE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version         BIGINT       NOT NULL,
    CONSTRAINT response_invitation_uk UNIQUE (invitation_id),
    CONSTRAINT response_submission_uk UNIQUE (submission_id)
);
CREATE INDEX response_wave_idx ON response (wave_id, status);

-- One id at a time (allocationSize 1), so that the sequence numbers rows in the order they are written.
CREATE SEQUENCE outbox_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE outbox (
    seq         BIGINT      NOT NULL PRIMARY KEY,
    response_id BIGINT      NOT NULL REFERENCES response (id),
    kind        VARCHAR(20) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
