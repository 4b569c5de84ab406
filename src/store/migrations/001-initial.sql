-- 001-initial.sql: the first schema of team workbooks.
--
-- Scorecards applies the migrations of src/store/migrations/ in order, each
-- once, in one transaction, when a role that may create in the database
-- connects (docs/team-server.md). Every name is schema-qualified: the
-- application runs with an empty search_path.
--
-- One database holds any number of workbooks. A workbook's rows all carry
-- its id; its values are stored as one array per partner × KPI over the
-- workbook's period range (element 1 is the period first_period), NULL
-- where there is no value, as the model holds them.

CREATE SCHEMA IF NOT EXISTS scorecards;

CREATE TABLE scorecards.schema_migration (
  version    integer PRIMARY KEY,
  name       text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  applied_by text NOT NULL DEFAULT CURRENT_USER
);

CREATE TABLE scorecards.workbook (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name            text NOT NULL UNIQUE CHECK (name <> ''),
  granularity     text NOT NULL DEFAULT 'month'
                  CHECK (granularity IN ('month', 'quarter', 'week')),
  first_period    text,
  n_periods       integer NOT NULL DEFAULT 0 CHECK (n_periods BETWEEN 0 AND 1200),
  company         text NOT NULL DEFAULT '',
  trend_periods   integer NOT NULL DEFAULT 6 CHECK (trend_periods BETWEEN 2 AND 60),
  page_size       text NOT NULL DEFAULT 'a4' CHECK (page_size IN ('a4', 'letter')),
  confidentiality text NOT NULL DEFAULT '',
  notes           text NOT NULL DEFAULT '',
  revision        bigint NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  created_by      text NOT NULL DEFAULT CURRENT_USER,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  updated_by      text NOT NULL DEFAULT CURRENT_USER,
  CHECK ((first_period IS NULL) = (n_periods = 0))
);

CREATE TABLE scorecards.grade_band (
  workbook_id bigint NOT NULL REFERENCES scorecards.workbook ON DELETE CASCADE,
  position    integer NOT NULL,
  grade       text NOT NULL CHECK (grade <> ''),
  min_score   double precision NOT NULL,
  PRIMARY KEY (workbook_id, position)
);

CREATE TABLE scorecards.kpi (
  workbook_id bigint NOT NULL REFERENCES scorecards.workbook ON DELETE CASCADE,
  id          text NOT NULL CHECK (id <> ''),
  position    integer NOT NULL,
  name        text NOT NULL,
  description text NOT NULL DEFAULT '',
  unit        text NOT NULL DEFAULT '',
  category    text NOT NULL DEFAULT 'quality',
  direction   text NOT NULL DEFAULT 'higher' CHECK (direction IN ('higher', 'lower', 'band')),
  target      double precision,
  target_max  double precision,
  warning     double precision,
  critical    double precision,
  weight      double precision NOT NULL DEFAULT 1 CHECK (weight >= 0),
  aggregation text NOT NULL DEFAULT 'mean' CHECK (aggregation IN ('mean', 'sum', 'last', 'ratio')),
  ratio_scale double precision NOT NULL DEFAULT 1,
  decimals    integer NOT NULL DEFAULT 1 CHECK (decimals BETWEEN 0 AND 6),
  PRIMARY KEY (workbook_id, id)
);

CREATE TABLE scorecards.partner (
  workbook_id bigint NOT NULL REFERENCES scorecards.workbook ON DELETE CASCADE,
  id          text NOT NULL CHECK (id <> ''),
  position    integer NOT NULL,
  name        text NOT NULL,
  type        text NOT NULL DEFAULT 'supplier' CHECK (type IN ('supplier', 'customer')),
  contact     text NOT NULL DEFAULT '',
  PRIMARY KEY (workbook_id, id)
);

CREATE TABLE scorecards.partner_tag (
  workbook_id bigint NOT NULL,
  partner_id  text NOT NULL,
  tag         text NOT NULL,
  value       text NOT NULL,
  PRIMARY KEY (workbook_id, partner_id, tag),
  FOREIGN KEY (workbook_id, partner_id) REFERENCES scorecards.partner ON DELETE CASCADE
);

-- Per-partner targets and weights; NULL keeps the KPI's own
CREATE TABLE scorecards.partner_override (
  workbook_id bigint NOT NULL,
  partner_id  text NOT NULL,
  kpi_id      text NOT NULL,
  target      double precision,
  weight      double precision CHECK (weight >= 0),
  PRIMARY KEY (workbook_id, partner_id, kpi_id),
  FOREIGN KEY (workbook_id, partner_id) REFERENCES scorecards.partner ON DELETE CASCADE
);

-- One partner × KPI over the workbook's periods. numerators and
-- denominators hold the raw counts of a ratio KPI where they were imported;
-- a series computed by a recipe keeps its formula and, per period, the row
-- count and the formula's aggregate parts (parts[1][i], parts[2][i], …).
--
-- Its partner and KPI are checked as foreign keys would be, but once per
-- statement by the triggers below rather than once per row: a foreign key
-- runs a query per row for each of a large workbook's 42,000 series, which
-- made saving it five times slower (docs/team-server.md). The workbook
-- needs no key of its own: the partner is the workbook's, and deleting the
-- workbook deletes its partners and so their series.
CREATE TABLE scorecards.series (
  workbook_id   bigint NOT NULL,
  partner_id    text NOT NULL,
  kpi_id        text NOT NULL,
  period_values double precision[] NOT NULL,
  numerators    double precision[],
  denominators  double precision[],
  formula       text,
  parts         double precision[],
  PRIMARY KEY (workbook_id, partner_id, kpi_id),
  CHECK ((formula IS NULL) = (parts IS NULL))
);

-- Series whose partner or KPI is missing: refused
CREATE FUNCTION scorecards.check_series_keys () RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM changed_series s
              WHERE NOT EXISTS (SELECT 1 FROM scorecards.partner p
                                 WHERE p.workbook_id = s.workbook_id AND p.id = s.partner_id))
  THEN
    RAISE EXCEPTION 'a series names a partner that is not in its workbook'
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  IF EXISTS (SELECT 1 FROM changed_series s
              WHERE NOT EXISTS (SELECT 1 FROM scorecards.kpi k
                                 WHERE k.workbook_id = s.workbook_id AND k.id = s.kpi_id))
  THEN
    RAISE EXCEPTION 'a series names a KPI that is not in its workbook'
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER series_keys_on_insert AFTER INSERT ON scorecards.series
  REFERENCING NEW TABLE AS changed_series
  FOR EACH STATEMENT EXECUTE FUNCTION scorecards.check_series_keys ();
CREATE TRIGGER series_keys_on_update AFTER UPDATE ON scorecards.series
  REFERENCING NEW TABLE AS changed_series
  FOR EACH STATEMENT EXECUTE FUNCTION scorecards.check_series_keys ();

-- A partner or KPI deleted takes its series along; one renamed may not
-- leave any behind
CREATE FUNCTION scorecards.delete_series_of_partners () RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
  DELETE FROM scorecards.series s USING old_rows o
   WHERE s.workbook_id = o.workbook_id AND s.partner_id = o.id;
  RETURN NULL;
END
$$;

CREATE FUNCTION scorecards.delete_series_of_kpis () RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
  DELETE FROM scorecards.series s USING old_rows o
   WHERE s.workbook_id = o.workbook_id AND s.kpi_id = o.id;
  RETURN NULL;
END
$$;

CREATE FUNCTION scorecards.check_renamed_keys () RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM old_rows o
              WHERE NOT EXISTS (SELECT 1 FROM new_rows n
                                 WHERE n.workbook_id = o.workbook_id AND n.id = o.id)
                AND EXISTS (SELECT 1 FROM scorecards.series s
                             WHERE s.workbook_id = o.workbook_id
                               AND (CASE TG_TABLE_NAME WHEN 'partner' THEN s.partner_id
                                                       ELSE s.kpi_id END) = o.id))
  THEN
    RAISE EXCEPTION 'the % is still named by series', TG_TABLE_NAME
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER partner_delete_series AFTER DELETE ON scorecards.partner
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scorecards.delete_series_of_partners ();
CREATE TRIGGER kpi_delete_series AFTER DELETE ON scorecards.kpi
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scorecards.delete_series_of_kpis ();
CREATE TRIGGER partner_rename AFTER UPDATE ON scorecards.partner
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scorecards.check_renamed_keys ();
CREATE TRIGGER kpi_rename AFTER UPDATE ON scorecards.kpi
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scorecards.check_renamed_keys ();

-- An issue's kpi_id may name a KPI removed since: issues keep it
CREATE TABLE scorecards.issue (
  workbook_id bigint NOT NULL,
  id          text NOT NULL CHECK (id <> ''),
  position    integer NOT NULL,
  partner_id  text NOT NULL,
  kpi_id      text,
  period      text,
  title       text NOT NULL,
  description text NOT NULL DEFAULT '',
  severity    text NOT NULL DEFAULT 'medium'
              CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  status      text NOT NULL DEFAULT 'open'
              CHECK (status IN ('open', 'in-progress', 'resolved', 'closed')),
  owner       text NOT NULL DEFAULT '',
  due         date,
  action      text NOT NULL DEFAULT '',
  reference   text NOT NULL DEFAULT '',
  created     timestamptz,
  updated     timestamptz,
  row_version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (workbook_id, id),
  FOREIGN KEY (workbook_id, partner_id) REFERENCES scorecards.partner ON DELETE CASCADE
);

CREATE TABLE scorecards.issue_change (
  workbook_id bigint NOT NULL,
  issue_id    text NOT NULL,
  seq         integer NOT NULL,
  changed_at  timestamptz NOT NULL,
  field       text NOT NULL,
  old_value   text,
  new_value   text,
  changed_by  text,
  PRIMARY KEY (workbook_id, issue_id, seq),
  FOREIGN KEY (workbook_id, issue_id) REFERENCES scorecards.issue ON DELETE CASCADE
);

-- Recipes kept for the next import of the same kind of file (docs/recipes.md)
CREATE TABLE scorecards.recipe (
  workbook_id bigint NOT NULL REFERENCES scorecards.workbook ON DELETE CASCADE,
  position    integer NOT NULL,
  body        json NOT NULL,
  PRIMARY KEY (workbook_id, position)
);

-- The values as rows, for reports and spreadsheets made with SQL
CREATE VIEW scorecards.series_value AS
SELECT w.name AS workbook,
       s.partner_id,
       s.kpi_id,
       CASE w.granularity
         WHEN 'month' THEN
           to_char(to_date(w.first_period, 'YYYY-MM') + make_interval(months => v.i::integer - 1),
                   'YYYY-MM')
         WHEN 'quarter' THEN
           format('%s-Q%s',
                  (substr(w.first_period, 1, 4)::integer * 4 + substr(w.first_period, 7, 1)::integer
                   + v.i::integer - 2) / 4,
                  (substr(w.first_period, 1, 4)::integer * 4 + substr(w.first_period, 7, 1)::integer
                   + v.i::integer - 2) % 4 + 1)
         ELSE
           to_char(to_date(w.first_period || '-1', 'IYYY-"W"IW-ID') + (v.i::integer - 1) * 7,
                   'IYYY-"W"IW')
       END AS period,
       v.value,
       s.numerators[v.i] AS numerator,
       s.denominators[v.i] AS denominator
  FROM scorecards.series s
  JOIN scorecards.workbook w ON w.id = s.workbook_id
 CROSS JOIN LATERAL unnest(s.period_values) WITH ORDINALITY AS v(value, i)
 WHERE v.value IS NOT NULL;
