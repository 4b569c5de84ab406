-- 007-review-language.sql: the language a review's pack was written in
-- (docs/file-format.md, "Reviews"; docs/decisions.md, "The language of a
-- review"), so that its pack can be made again with the same words.
-- Empty: the partner's report language, else the application's.

ALTER TABLE scorecards.review
  ADD COLUMN language text NOT NULL DEFAULT ''
    CHECK (language ~ '^([a-z]{2,3})?$');
