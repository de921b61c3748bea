-- The codebook: a study's themes, each defined by a saved search query, and the answers that
-- people coded into or out of a theme by hand (a hand code overrides the query).
CREATE SEQUENCE theme_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE theme (
    id          BIGINT       NOT NULL PRIMARY KEY,
    study_id    BIGINT       NOT NULL REFERENCES study (id),
    name        VARCHAR(200) NOT NULL,
    -- the name folded to lower case: names are unique per study whatever their case
    name_key    VARCHAR(200) NOT NULL,
    description TEXT         NOT NULL,
    parent_id   BIGINT       REFERENCES theme (id),
    saved_query TEXT         NOT NULL,
    origin      VARCHAR(20)  NOT NULL,
    created_by  VARCHAR(254) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(254) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version BIGINT       NOT NULL,
    CONSTRAINT theme_name_uk UNIQUE (study_id, name_key)
);
CREATE INDEX theme_parent_idx ON theme (parent_id);

CREATE SEQUENCE theme_hand_code_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE theme_hand_code (
    id          BIGINT       NOT NULL PRIMARY KEY,
    theme_id    BIGINT       NOT NULL REFERENCES theme (id),
    -- the answer as the index names it: response id and the answer's place, e.g. 51.sites.0.site_problem
    answer_key  VARCHAR(600) NOT NULL,
    response_id BIGINT       NOT NULL,
    coded_in    BOOLEAN      NOT NULL,
    coded_by    VARCHAR(254) NOT NULL,
    coded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT theme_hand_code_uk UNIQUE (theme_id, answer_key)
);
