-- 003-reviews.sql: review meetings with a partner (docs/file-format.md,
-- "Reviews"): the review, its attendees and agenda lines, its frozen
-- snapshot (JSON, as in the file), and the link from an issue (an action
-- item) to the review that agreed it.

ALTER TABLE scorecards.issue ADD COLUMN review_id text;

CREATE TABLE scorecards.review (
  workbook_id bigint NOT NULL,
  id          text NOT NULL CHECK (id <> ''),
  position    integer NOT NULL,
  partner_id  text NOT NULL,
  review_date date NOT NULL,
  period      text,
  state       text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'held', 'sent')),
  decisions   text NOT NULL DEFAULT '',
  notes       text NOT NULL DEFAULT '',
  sent_at     timestamptz,
  sent_file   text,
  snapshot    json,
  PRIMARY KEY (workbook_id, id),
  FOREIGN KEY (workbook_id, partner_id) REFERENCES scorecards.partner ON DELETE CASCADE
);

-- One attendee ("ours", "theirs") or agenda item ("agenda") per row, in order
CREATE TABLE scorecards.review_line (
  workbook_id bigint NOT NULL,
  review_id   text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('ours', 'theirs', 'agenda')),
  position    integer NOT NULL,
  body        text NOT NULL,
  PRIMARY KEY (workbook_id, review_id, kind, position),
  FOREIGN KEY (workbook_id, review_id) REFERENCES scorecards.review ON DELETE CASCADE
);
