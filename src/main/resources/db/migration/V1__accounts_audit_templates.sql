-- Portable between H2 2.2 and PostgreSQL 15: sequences, not identity columns (IDENTITY breaks on
-- Payara's H2 with EclipseLink). EclipseLink reads a sequence value as the END of a block of
-- allocationSize ids, so each sequence starts at its increment.

CREATE SEQUENCE app_user_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE app_user (
    id            BIGINT       NOT NULL PRIMARY KEY,
    email         VARCHAR(254) NOT NULL,
    display_name  VARCHAR(200) NOT NULL,
    password_hash VARCHAR(512) NOT NULL,
    roles         VARCHAR(100) NOT NULL,
    enabled       BOOLEAN      NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version   BIGINT       NOT NULL,
    CONSTRAINT app_user_email_uk UNIQUE (email)
);

CREATE SEQUENCE audit_entry_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE audit_entry (
    id           BIGINT       NOT NULL PRIMARY KEY,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    actor        VARCHAR(254) NOT NULL,
    action       VARCHAR(40)  NOT NULL,
    subject_type VARCHAR(60)  NOT NULL,
    subject_id   VARCHAR(200) NOT NULL,
    detail       VARCHAR(2000)
);
CREATE INDEX audit_entry_occurred_idx ON audit_entry (occurred_at);

CREATE SEQUENCE template_version_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE template_version (
    id             BIGINT       NOT NULL PRIMARY KEY,
    template_id    VARCHAR(64)  NOT NULL,
    version_number INTEGER      NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    title          VARCHAR(500) NOT NULL,
    content        TEXT         NOT NULL,
    content_hash   VARCHAR(64),
    created_by     VARCHAR(254) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by   VARCHAR(254),
    published_at   TIMESTAMP WITH TIME ZONE,
    row_version    BIGINT       NOT NULL,
    CONSTRAINT template_version_uk UNIQUE (template_id, version_number)
);
