-- Studies, their waves, the actor register and invitations. Same portability rules as V1.

CREATE SEQUENCE study_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE study (
    id               BIGINT       NOT NULL PRIMARY KEY,
    name             VARCHAR(200) NOT NULL,
    product          VARCHAR(200),
    place            VARCHAR(200),
    languages        VARCHAR(200) NOT NULL,
    default_language VARCHAR(16)  NOT NULL,
    k                INTEGER      NOT NULL,
    open_token_hash  VARCHAR(64),
    open_actor_type  VARCHAR(20),
    created_by       VARCHAR(254) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version      BIGINT       NOT NULL,
    CONSTRAINT study_open_token_uk UNIQUE (open_token_hash)
);

CREATE SEQUENCE study_template_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE study_template (
    id                  BIGINT      NOT NULL PRIMARY KEY,
    study_id            BIGINT      NOT NULL REFERENCES study (id),
    actor_type          VARCHAR(20) NOT NULL,
    template_version_id BIGINT      NOT NULL REFERENCES template_version (id),
    row_version         BIGINT      NOT NULL,
    CONSTRAINT study_template_uk UNIQUE (study_id, actor_type)
);

CREATE SEQUENCE wave_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE wave (
    id          BIGINT       NOT NULL PRIMARY KEY,
    study_id    BIGINT       NOT NULL REFERENCES study (id),
    name        VARCHAR(200) NOT NULL,
    opens_on    DATE         NOT NULL,
    closes_on   DATE         NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version BIGINT       NOT NULL
);
CREATE INDEX wave_study_idx ON wave (study_id);

CREATE SEQUENCE actor_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE actor (
    id          BIGINT       NOT NULL PRIMARY KEY,
    study_id    BIGINT       NOT NULL REFERENCES study (id),
    external_id VARCHAR(100),
    name        VARCHAR(300) NOT NULL,
    type        VARCHAR(20)  NOT NULL,
    sector      VARCHAR(200),
    size_band   VARCHAR(200),
    location    VARCHAR(200),
    email       VARCHAR(254),
    phone       VARCHAR(60),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version BIGINT       NOT NULL,
    -- several actors without an external id are allowed: both databases treat NULLs as distinct
    CONSTRAINT actor_external_id_uk UNIQUE (study_id, external_id)
);

CREATE SEQUENCE invitation_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE invitation (
    id           BIGINT      NOT NULL PRIMARY KEY,
    wave_id      BIGINT      NOT NULL REFERENCES wave (id),
    actor_id     BIGINT      NOT NULL REFERENCES actor (id),
    token_hash   VARCHAR(64) NOT NULL,
    status       VARCHAR(20) NOT NULL,
    opened_at    TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    last_sent_at TIMESTAMP WITH TIME ZONE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version  BIGINT      NOT NULL,
    CONSTRAINT invitation_token_uk UNIQUE (token_hash),
    CONSTRAINT invitation_actor_wave_uk UNIQUE (wave_id, actor_id)
);
CREATE INDEX invitation_actor_idx ON invitation (actor_id);
