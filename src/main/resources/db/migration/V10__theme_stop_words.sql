-- The words a study's agents want left out of its search index and themes, besides each
-- language's own stop words: one row per study, the words one per line.
CREATE TABLE theme_stop_words (
    study_id    BIGINT       NOT NULL PRIMARY KEY REFERENCES study (id),
    words       TEXT         NOT NULL,
    updated_by  VARCHAR(254) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version BIGINT       NOT NULL
);
