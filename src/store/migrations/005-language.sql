-- 005-language.sql: report languages (docs/file-format.md, "Report
-- languages"). A partner's reports may be in a language of their own, and
-- a KPI may carry its name in other languages.

ALTER TABLE scorecards.partner
  ADD COLUMN report_language text NOT NULL DEFAULT ''
    CHECK (report_language ~ '^([a-z]{2,3})?$');

CREATE TABLE scorecards.kpi_name (
  workbook_id bigint NOT NULL,
  kpi_id      text NOT NULL,
  language    text NOT NULL CHECK (language ~ '^[a-z]{2,3}$'),
  name        text NOT NULL,
  PRIMARY KEY (workbook_id, kpi_id, language),
  FOREIGN KEY (workbook_id, kpi_id) REFERENCES scorecards.kpi ON DELETE CASCADE
);
