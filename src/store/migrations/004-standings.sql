-- 004-standings.sql: standings and scorecards per partner group
-- (docs/scoring.md, "Standings" and "Scorecards per partner group";
-- docs/file-format.md).
--
-- A grade band gains what it means as a standing: an action, a colour and
-- a symbol; NULL keeps the default (the bands of older workbooks). The
-- workbook gains the number of periods in the lowest standing that put a
-- partner on the watch list. A scorecard group matches partners by type
-- and/or tags, names the KPIs that count (has_kpi_set; the KPIs are the
-- rows of scorecard_group_kpi with in_set) and changes their targets,
-- thresholds and weights.

ALTER TABLE scorecards.grade_band
  ADD COLUMN action text,
  ADD COLUMN colour text CHECK (colour ~ '^#[0-9A-Fa-f]{6}$'),
  ADD COLUMN symbol text CHECK (symbol <> '');

ALTER TABLE scorecards.workbook
  ADD COLUMN watch_periods integer NOT NULL DEFAULT 3 CHECK (watch_periods BETWEEN 1 AND 60);

CREATE TABLE scorecards.scorecard_group (
  workbook_id  bigint NOT NULL REFERENCES scorecards.workbook ON DELETE CASCADE,
  id           text NOT NULL CHECK (id <> ''),
  position     integer NOT NULL,
  name         text NOT NULL,
  partner_type text CHECK (partner_type IN ('supplier', 'customer')),
  has_kpi_set  boolean NOT NULL DEFAULT false,
  PRIMARY KEY (workbook_id, id)
);

CREATE TABLE scorecards.scorecard_group_tag (
  workbook_id bigint NOT NULL,
  group_id    text NOT NULL,
  seq         integer NOT NULL,
  tag         text NOT NULL CHECK (tag <> ''),
  value       text NOT NULL,
  PRIMARY KEY (workbook_id, group_id, seq),
  FOREIGN KEY (workbook_id, group_id) REFERENCES scorecards.scorecard_group ON DELETE CASCADE
);

CREATE TABLE scorecards.scorecard_group_kpi (
  workbook_id bigint NOT NULL,
  group_id    text NOT NULL,
  kpi_id      text NOT NULL,
  seq         integer NOT NULL,
  in_set      boolean NOT NULL,
  target      double precision,
  warning     double precision,
  critical    double precision,
  weight      double precision CHECK (weight >= 0),
  PRIMARY KEY (workbook_id, group_id, kpi_id),
  FOREIGN KEY (workbook_id, group_id) REFERENCES scorecards.scorecard_group ON DELETE CASCADE,
  FOREIGN KEY (workbook_id, kpi_id) REFERENCES scorecards.kpi ON DELETE CASCADE
);
