-- grants.sql: run after every migration. Gives the two group roles of
-- docs/team-server.md their rights on every table, where the roles exist:
-- scorecards_viewer reads; scorecards_editor reads and writes rows but
-- cannot change the schema or its version. A role created later gets the
-- same statements from the database owner (docs/team-server.md).

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'scorecards_viewer') THEN
    GRANT USAGE ON SCHEMA scorecards TO scorecards_viewer;
    GRANT SELECT ON ALL TABLES IN SCHEMA scorecards TO scorecards_viewer;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'scorecards_editor') THEN
    GRANT USAGE ON SCHEMA scorecards TO scorecards_editor;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA scorecards TO scorecards_editor;
    REVOKE INSERT, UPDATE, DELETE ON scorecards.schema_migration FROM scorecards_editor;
    GRANT USAGE ON ALL SEQUENCES IN SCHEMA scorecards TO scorecards_editor;
  END IF;
END
$$;
