-- Sessions remember the epoch they began with and end when it has moved on: a password change or
-- reset, or disabling the account, moves it, on every instance sharing this database.
ALTER TABLE app_user ADD COLUMN credentials_epoch BIGINT DEFAULT 0 NOT NULL;

-- API tokens for scripts: only the SHA-256 of the secret is stored; deleting a user ends them.
CREATE SEQUENCE api_token_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE api_token (
    id           BIGINT       NOT NULL PRIMARY KEY,
    user_id      BIGINT       NOT NULL,
    name         VARCHAR(100) NOT NULL,
    secret_hash  VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE,
    last_used_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_token_secret_uk UNIQUE (secret_hash),
    CONSTRAINT api_token_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);
CREATE INDEX api_token_user_idx ON api_token (user_id);
