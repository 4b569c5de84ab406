-- 002-live.sql: editing team workbooks live (docs/team-server.md, "Live
-- editing").
--
-- Every change to a workbook's rows is announced with NOTIFY on the
-- channel scorecards_<workbook id>, so that the windows that have it open
-- bring it up to date in place. The payload names what changed:
--   issue <id>                   an issue (its row or its history)
--   series <partner>\t<kpi>      the values of one partner × KPI
--   workbook                     partners, KPIs, settings or many rows:
--                                read the workbook again
--   deleted                      the workbook was deleted
-- A statement that changes more than 50 issues or series (a whole save,
-- an import) sends one "workbook" instead of a flood. PostgreSQL delivers
-- notifications on commit only, and once per distinct payload.
--
-- applied_edit remembers every live edit by the key its client gave it, in
-- the transaction that applied it: an edit sent again after a lost reply
-- or a crash is recognised and applied once.

CREATE TABLE scorecards.applied_edit (
  workbook_id    bigint NOT NULL REFERENCES scorecards.workbook ON DELETE CASCADE,
  edit_key       text NOT NULL CHECK (edit_key <> ''),
  result_version integer,
  applied_at     timestamptz NOT NULL DEFAULT now(),
  applied_by     text NOT NULL DEFAULT CURRENT_USER,
  PRIMARY KEY (workbook_id, edit_key)
);

CREATE FUNCTION scorecards.notify_text (workbook_id bigint, payload text)
RETURNS void LANGUAGE sql SET search_path = pg_catalog AS $$
  SELECT pg_catalog.pg_notify('scorecards_' || workbook_id::text,
                              CASE WHEN pg_catalog.octet_length(payload) > 7000
                                   THEN 'workbook' ELSE payload END);
$$;

-- Issues and series: one notification per row, or one "workbook" per
-- workbook when a statement changed many
CREATE FUNCTION scorecards.notify_issues () RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
DECLARE
  n bigint;
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT count(*) INTO n FROM old_rows;
    IF n > 50 THEN
      PERFORM scorecards.notify_text(w, 'workbook') FROM (SELECT DISTINCT workbook_id AS w FROM old_rows) d;
    ELSE
      PERFORM scorecards.notify_text(o.workbook_id, 'issue ' || o.id) FROM old_rows o;
    END IF;
  ELSE
    SELECT count(*) INTO n FROM new_rows;
    IF n > 50 THEN
      PERFORM scorecards.notify_text(w, 'workbook') FROM (SELECT DISTINCT workbook_id AS w FROM new_rows) d;
    ELSE
      PERFORM scorecards.notify_text(r.workbook_id, 'issue ' || r.id) FROM new_rows r;
    END IF;
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION scorecards.notify_series () RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
DECLARE
  n bigint;
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT count(*) INTO n FROM old_rows;
    IF n > 50 THEN
      PERFORM scorecards.notify_text(w, 'workbook') FROM (SELECT DISTINCT workbook_id AS w FROM old_rows) d;
    ELSE
      PERFORM scorecards.notify_text(o.workbook_id, 'series ' || o.partner_id || E'\t' || o.kpi_id)
         FROM old_rows o;
    END IF;
  ELSE
    SELECT count(*) INTO n FROM new_rows;
    IF n > 50 THEN
      PERFORM scorecards.notify_text(w, 'workbook') FROM (SELECT DISTINCT workbook_id AS w FROM new_rows) d;
    ELSE
      PERFORM scorecards.notify_text(r.workbook_id, 'series ' || r.partner_id || E'\t' || r.kpi_id)
         FROM new_rows r;
    END IF;
  END IF;
  RETURN NULL;
END
$$;

-- Partners, KPIs, tags, overrides, grade bands, recipes: "workbook"
CREATE FUNCTION scorecards.notify_workbook_rows () RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM scorecards.notify_text(w, 'workbook') FROM (SELECT DISTINCT workbook_id AS w FROM old_rows) d;
  ELSE
    PERFORM scorecards.notify_text(w, 'workbook') FROM (SELECT DISTINCT workbook_id AS w FROM new_rows) d;
  END IF;
  RETURN NULL;
END
$$;

-- Issue history: the issue's notification
CREATE FUNCTION scorecards.notify_issue_changes () RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
DECLARE
  n bigint;
BEGIN
  SELECT count(DISTINCT issue_id) INTO n FROM new_rows;
  IF n > 50 THEN
    PERFORM scorecards.notify_text(w, 'workbook') FROM (SELECT DISTINCT workbook_id AS w FROM new_rows) d;
  ELSE
    PERFORM scorecards.notify_text(r.workbook_id, 'issue ' || r.issue_id) FROM new_rows r;
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION scorecards.notify_workbook () RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM scorecards.notify_text(OLD.id, 'deleted');
  ELSIF (OLD.granularity, OLD.first_period, OLD.n_periods, OLD.company, OLD.trend_periods,
         OLD.page_size, OLD.confidentiality, OLD.notes) IS DISTINCT FROM
        (NEW.granularity, NEW.first_period, NEW.n_periods, NEW.company, NEW.trend_periods,
         NEW.page_size, NEW.confidentiality, NEW.notes) THEN
    PERFORM scorecards.notify_text(NEW.id, 'workbook');
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER issue_notify_insert AFTER INSERT ON scorecards.issue
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scorecards.notify_issues ();
CREATE TRIGGER issue_notify_update AFTER UPDATE ON scorecards.issue
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scorecards.notify_issues ();
CREATE TRIGGER issue_notify_delete AFTER DELETE ON scorecards.issue
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scorecards.notify_issues ();
CREATE TRIGGER issue_change_notify_insert AFTER INSERT ON scorecards.issue_change
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scorecards.notify_issue_changes ();

CREATE TRIGGER series_notify_insert AFTER INSERT ON scorecards.series
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scorecards.notify_series ();
CREATE TRIGGER series_notify_update AFTER UPDATE ON scorecards.series
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scorecards.notify_series ();
CREATE TRIGGER series_notify_delete AFTER DELETE ON scorecards.series
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scorecards.notify_series ();

CREATE TRIGGER workbook_notify AFTER UPDATE OR DELETE ON scorecards.workbook
  FOR EACH ROW EXECUTE FUNCTION scorecards.notify_workbook ();

CREATE TRIGGER partner_notify_insert AFTER INSERT ON scorecards.partner
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scorecards.notify_workbook_rows ();
CREATE TRIGGER partner_notify_update AFTER UPDATE ON scorecards.partner
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scorecards.notify_workbook_rows ();
CREATE TRIGGER partner_notify_delete AFTER DELETE ON scorecards.partner
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scorecards.notify_workbook_rows ();
CREATE TRIGGER kpi_notify_insert AFTER INSERT ON scorecards.kpi
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scorecards.notify_workbook_rows ();
CREATE TRIGGER kpi_notify_update AFTER UPDATE ON scorecards.kpi
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scorecards.notify_workbook_rows ();
CREATE TRIGGER kpi_notify_delete AFTER DELETE ON scorecards.kpi
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scorecards.notify_workbook_rows ();
CREATE TRIGGER partner_tag_notify_insert AFTER INSERT ON scorecards.partner_tag
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scorecards.notify_workbook_rows ();
CREATE TRIGGER partner_tag_notify_update AFTER UPDATE ON scorecards.partner_tag
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scorecards.notify_workbook_rows ();
CREATE TRIGGER partner_tag_notify_delete AFTER DELETE ON scorecards.partner_tag
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scorecards.notify_workbook_rows ();
CREATE TRIGGER partner_override_notify_insert AFTER INSERT ON scorecards.partner_override
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scorecards.notify_workbook_rows ();
CREATE TRIGGER partner_override_notify_update AFTER UPDATE ON scorecards.partner_override
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scorecards.notify_workbook_rows ();
CREATE TRIGGER partner_override_notify_delete AFTER DELETE ON scorecards.partner_override
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scorecards.notify_workbook_rows ();
CREATE TRIGGER grade_band_notify_insert AFTER INSERT ON scorecards.grade_band
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scorecards.notify_workbook_rows ();
CREATE TRIGGER grade_band_notify_update AFTER UPDATE ON scorecards.grade_band
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scorecards.notify_workbook_rows ();
CREATE TRIGGER grade_band_notify_delete AFTER DELETE ON scorecards.grade_band
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scorecards.notify_workbook_rows ();
CREATE TRIGGER recipe_notify_insert AFTER INSERT ON scorecards.recipe
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scorecards.notify_workbook_rows ();
CREATE TRIGGER recipe_notify_update AFTER UPDATE ON scorecards.recipe
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scorecards.notify_workbook_rows ();
CREATE TRIGGER recipe_notify_delete AFTER DELETE ON scorecards.recipe
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scorecards.notify_workbook_rows ();
