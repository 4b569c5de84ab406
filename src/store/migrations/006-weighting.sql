-- 006-weighting.sql: a score over several periods and scores as scored
-- then (docs/scoring.md, docs/file-format.md). A workbook that scores the
-- latest period only has no period_weighting row; score_history keeps a
-- partner's overall score and grade for a period as it was scored when
-- the period's data was complete or a review was held.

CREATE TABLE scorecards.period_weighting (
  workbook_id bigint PRIMARY KEY REFERENCES scorecards.workbook ON DELETE CASCADE,
  mode        text NOT NULL CHECK (mode IN ('equal', 'linear', 'exponential')),
  periods     integer NOT NULL CHECK (periods BETWEEN 2 AND 60),
  half_life   double precision CHECK (half_life > 0 AND half_life <= 60),
  CHECK ((mode = 'exponential') = (half_life IS NOT NULL))
);

CREATE TABLE scorecards.score_history (
  workbook_id bigint NOT NULL,
  partner_id  text NOT NULL,
  period      text NOT NULL,
  score       double precision CHECK (score BETWEEN 0 AND 100),
  grade       text,
  reason      text NOT NULL CHECK (reason IN ('complete', 'review')),
  recorded    timestamptz NOT NULL,
  PRIMARY KEY (workbook_id, partner_id, period),
  FOREIGN KEY (workbook_id, partner_id) REFERENCES scorecards.partner ON DELETE CASCADE
);
