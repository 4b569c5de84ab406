/* test-issue-export.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of src/core/issues/sc-issue-export.c and sc-issue-edit.c: the CSV a
 * spreadsheet opens safely (formula cells neutralised, RFC 4180 quoting,
 * a BOM, the overdue column), the JSON export, and undoable edits of
 * issues, a bulk status change being one undo step, and the history they
 * leave (a period change included).
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "sc-issue-edit.h"
#include "sc-issue-export.h"
#include "sc-workbook.h"
#include "sc-workbook-io.h"

/* A workbook with two partners and three issues. */
static ScWorkbook *
make_book (void)
{
  ScWorkbook *book = sc_workbook_new ();
  g_autoptr(ScPartner) p1 = sc_partner_new ("p1", "Müller, Drehteile \"GmbH\"", SC_PARTNER_SUPPLIER);
  g_autoptr(ScPartner) p2 = sc_partner_new ("p2", "=HYPERLINK(\"http://x\")", SC_PARTNER_CUSTOMER);
  g_autoptr(ScKpi) kpi = sc_kpi_new ("ppm", "PPM defects");
  g_autoptr(ScIssue) i1 = sc_issue_new ("ISS-0001", "p1", "=1+1");
  g_autoptr(ScIssue) i2 = sc_issue_new ("ISS-0002", "p1", "Burrs on housing");
  g_autoptr(ScIssue) i3 = sc_issue_new ("ISS-0003", "p2", "Late");
  ScPeriod period;

  sc_workbook_add_partner (book, p1);
  sc_workbook_add_partner (book, p2);
  sc_workbook_add_kpi (book, kpi);
  g_assert_true (sc_period_parse (SC_GRANULARITY_MONTH, "2025-03", &period));

  sc_issue_set_kpi_id (i1, "ppm");
  sc_issue_set_period (i1, period);
  sc_issue_set_owner (i1, "+49 711 123");
  sc_issue_set_description (i1, "-5 % yield\nsecond line, with \"quotes\"");
  sc_issue_set_action (i1, "@SUM(A1:A2)");
  sc_issue_set_reference (i1, "\tTAB-1");
  sc_issue_set_due (i1, "2025-04-30");
  sc_issue_set_status (i1, SC_ISSUE_IN_PROGRESS);

  sc_issue_set_due (i2, "2025-04-30");
  sc_issue_set_status (i2, SC_ISSUE_RESOLVED);
  sc_issue_set_description (i2, "\rcarriage");

  sc_issue_set_due (i3, "2025-06-01");

  sc_workbook_add_issue (book, i1);
  sc_workbook_add_issue (book, i2);
  sc_workbook_add_issue (book, i3);

  return book;
}

static void
set_today (GDate *today)
{
  g_date_clear (today, 1);
  g_date_set_dmy (today, 15, 5, 2025);
}

/* Splits RFC 4180 CSV into rows of cells, honouring quotes. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *cell = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (cell, *p++);
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (cell, *p);
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == ',')
        g_ptr_array_add (row, g_string_free (g_steal_pointer (&cell), FALSE)), cell = g_string_new (NULL);
      else if (*p == '\r' && p[1] == '\n')
        {
          p++;
          g_ptr_array_add (row, g_string_free (g_steal_pointer (&cell), FALSE));
          cell = g_string_new (NULL);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
        }
      else
        {
          g_assert_true (*p != '\n' && *p != '\r');   /* bare line breaks only inside quotes */
          g_string_append_c (cell, *p);
        }
    }
  g_assert_false (quoted);
  g_assert_cmpuint (cell->len, ==, 0);
  g_assert_cmpuint (row->len, ==, 0);
  g_string_free (cell, TRUE);
  g_ptr_array_unref (row);

  return rows;
}

static const char *
cell_at (GPtrArray *rows,
         guint      row,
         guint      column)
{
  GPtrArray *r = g_ptr_array_index (rows, row);

  g_assert_cmpuint (column, <, r->len);
  return g_ptr_array_index (r, column);
}

/* The column named @name in the header row. */
static guint
column (GPtrArray  *rows,
        const char *name)
{
  GPtrArray *header = g_ptr_array_index (rows, 0);

  for (guint i = 0; i < header->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (header, i), name))
        return i;
    }
  g_error ("no column “%s”", name);
}

static GPtrArray *
export_rows (ScWorkbook *book,
             char      **out_text)
{
  g_autoptr(GBytes) bytes = NULL;
  GDate today;
  gsize size;
  const char *data;

  set_today (&today);
  bytes = sc_issue_export_csv (book, sc_workbook_get_issues (book), &today);
  data = g_bytes_get_data (bytes, &size);
  g_assert_cmpuint (size, >, 3);
  g_assert_cmpmem (data, 3, "\xEF\xBB\xBF", 3);
  g_assert_true (g_utf8_validate (data, size, NULL));
  *out_text = g_strndup (data, size);

  return parse_csv (data + 3);
}

static void
test_csv_cell (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "plain", "plain" },
    { "", "" },
    { "=1+1", "\"'=1+1\"" },
    { "+49 711", "\"'+49 711\"" },
    { "-5", "\"'-5\"" },
    { "@SUM(A1)", "\"'@SUM(A1)\"" },
    { "\tx", "\"'\tx\"" },
    { "\rx", "\"'\rx\"" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "=\"x\",y", "\"'=\"\"x\"\",y\"" },
    { "a=b", "a=b" },
    { "Müller", "Müller" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cell = sc_issue_export_csv_cell (cases[i].in);

      g_assert_cmpstr (cell, ==, cases[i].out);
    }
}

static void
test_csv_export (void)
{
  g_autoptr(ScWorkbook) book = make_book ();
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rows = export_rows (book, &text);
  static const char *header[] = {
    "id", "partner_id", "partner_name", "kpi", "period", "title", "description", "severity",
    "status", "owner", "due", "overdue", "action", "reference", "created", "updated",
  };

  g_assert_cmpuint (rows->len, ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    g_assert_cmpstr (cell_at (rows, 0, i), ==, header[i]);
  for (guint r = 0; r < rows->len; r++)
    g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, r))->len, ==, G_N_ELEMENTS (header));

  /* Formula-like cells are neutralised, whatever column they are in */
  g_assert_cmpstr (cell_at (rows, 1, column (rows, "title")), ==, "'=1+1");
  g_assert_cmpstr (cell_at (rows, 1, column (rows, "owner")), ==, "'+49 711 123");
  g_assert_cmpstr (cell_at (rows, 1, column (rows, "description")), ==,
                   "'-5 % yield\nsecond line, with \"quotes\"");
  g_assert_cmpstr (cell_at (rows, 1, column (rows, "action")), ==, "'@SUM(A1:A2)");
  g_assert_cmpstr (cell_at (rows, 1, column (rows, "reference")), ==, "'\tTAB-1");
  g_assert_cmpstr (cell_at (rows, 2, column (rows, "description")), ==, "'\rcarriage");
  g_assert_cmpstr (cell_at (rows, 3, column (rows, "partner_name")), ==, "'=HYPERLINK(\"http://x\")");
  g_assert_null (strstr (text, ",=") );
  g_assert_null (strstr (text, "\n="));

  /* Quotes and separators survive */
  g_assert_cmpstr (cell_at (rows, 1, column (rows, "partner_name")), ==, "Müller, Drehteile \"GmbH\"");
  g_assert_cmpstr (cell_at (rows, 1, column (rows, "kpi")), ==, "PPM defects");
  g_assert_cmpstr (cell_at (rows, 1, column (rows, "period")), ==, "2025-03");
  g_assert_cmpstr (cell_at (rows, 2, column (rows, "period")), ==, "");
  g_assert_cmpstr (cell_at (rows, 1, column (rows, "status")), ==, "in-progress");
  g_assert_cmpstr (cell_at (rows, 1, column (rows, "severity")), ==, "medium");

  /* Overdue on 2025-05-15: in progress past 2025-04-30 yes; resolved no; due later no */
  g_assert_cmpstr (cell_at (rows, 1, column (rows, "overdue")), ==, "yes");
  g_assert_cmpstr (cell_at (rows, 2, column (rows, "overdue")), ==, "no");
  g_assert_cmpstr (cell_at (rows, 3, column (rows, "overdue")), ==, "no");
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$",
                                       cell_at (rows, 1, column (rows, "created")), 0, 0));
}

static void
test_json_export (void)
{
  g_autoptr(ScWorkbook) book = make_book ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JsonObject *root, *first;
  JsonArray *issues;
  GDate today;

  set_today (&today);
  text = sc_issue_export_json (book, sc_workbook_get_issues (book), &today);
  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "today"), ==, "2025-05-15");
  g_assert_cmpint (json_object_get_int_member (root, "count"), ==, 3);
  issues = json_object_get_array_member (root, "issues");
  g_assert_cmpuint (json_array_get_length (issues), ==, 3);
  first = json_array_get_object_element (issues, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "title"), ==, "=1+1");   /* not neutralised: JSON is data */
  g_assert_cmpstr (json_object_get_string_member (first, "kpi_name"), ==, "PPM defects");
  g_assert_cmpstr (json_object_get_string_member (first, "period"), ==, "2025-03");
  g_assert_true (json_object_get_boolean_member (first, "overdue"));
  g_assert_true (json_object_get_null_member (json_array_get_object_element (issues, 1), "period"));
}

/* Edits */

static void
test_edit_string_undo (void)
{
  g_autoptr(ScWorkbook) book = make_book ();
  g_autoptr(ScUndoStack) stack = sc_undo_stack_new ();
  ScIssue *issue = sc_workbook_lookup_issue (book, "ISS-0002");
  guint n_changes = sc_issue_get_n_changes (issue);
  const ScIssueChange *change;

  g_assert_true (sc_issue_edit_set_string (stack, issue, "owner", "Jana Weber"));
  g_assert_cmpstr (sc_issue_get_owner (issue), ==, "Jana Weber");
  g_assert_true (sc_undo_stack_get_can_undo (stack));
  g_assert_cmpuint (sc_issue_get_n_changes (issue), ==, n_changes + 1);
  change = sc_issue_get_change (issue, n_changes);
  g_assert_cmpstr (change->field, ==, "owner");
  g_assert_cmpstr (change->old_value, ==, "");
  g_assert_cmpstr (change->new_value, ==, "Jana Weber");

  /* Setting the same value again is no edit */
  g_assert_false (sc_issue_edit_set_string (stack, issue, "owner", "Jana Weber"));

  g_assert_true (sc_undo_stack_undo (stack));
  g_assert_cmpstr (sc_issue_get_owner (issue), ==, "");
  g_assert_false (sc_undo_stack_get_can_undo (stack));
  /* The undo is a change too, and lands in the history */
  g_assert_cmpuint (sc_issue_get_n_changes (issue), ==, n_changes + 2);

  g_assert_true (sc_undo_stack_redo (stack));
  g_assert_cmpstr (sc_issue_get_owner (issue), ==, "Jana Weber");

  g_assert_true (sc_issue_edit_set_status (stack, issue, SC_ISSUE_CLOSED));
  g_assert_true (sc_issue_edit_set_severity (stack, issue, SC_SEVERITY_CRITICAL));
  g_assert_true (sc_issue_edit_set_string (stack, issue, "due", NULL));
  g_assert_null (sc_issue_get_due (issue));
  g_assert_true (sc_undo_stack_undo (stack));
  g_assert_cmpstr (sc_issue_get_due (issue), ==, "2025-04-30");
  g_assert_true (sc_undo_stack_undo (stack));
  g_assert_cmpint (sc_issue_get_severity (issue), ==, SC_SEVERITY_MEDIUM);
  g_assert_true (sc_undo_stack_undo (stack));
  g_assert_cmpint (sc_issue_get_status (issue), ==, SC_ISSUE_RESOLVED);
}

/* A period change is in the history like any other field's, written as in
 * the file; undoing it is a change back, recorded too.
 */
static void
test_edit_period_history (void)
{
  g_autoptr(ScWorkbook) book = make_book ();
  g_autoptr(ScUndoStack) stack = sc_undo_stack_new ();
  ScIssue *issue = sc_workbook_lookup_issue (book, "ISS-0001");
  guint n_changes = sc_issue_get_n_changes (issue);
  const ScIssueChange *change;
  ScPeriod april;

  g_assert_true (sc_period_parse (SC_GRANULARITY_MONTH, "2025-04", &april));
  g_assert_true (sc_issue_edit_set_period (stack, issue, april));
  g_assert_cmpint (sc_issue_get_period (issue), ==, april);
  g_assert_cmpuint (sc_issue_get_n_changes (issue), ==, n_changes + 1);
  change = sc_issue_get_change (issue, n_changes);
  g_assert_cmpstr (change->field, ==, "period");
  g_assert_cmpstr (change->old_value, ==, "2025-03");
  g_assert_cmpstr (change->new_value, ==, "2025-04");
  g_assert_nonnull (change->time);
  g_assert_true (g_date_time_equal (sc_issue_get_updated (issue), change->time));

  /* The same period again is no edit and no entry */
  g_assert_false (sc_issue_edit_set_period (stack, issue, april));
  g_assert_cmpuint (sc_issue_get_n_changes (issue), ==, n_changes + 1);

  /* Undo is a change back, as for every other field */
  g_assert_true (sc_undo_stack_undo (stack));
  g_assert_cmpint (sc_issue_get_period (issue), !=, april);
  g_assert_cmpuint (sc_issue_get_n_changes (issue), ==, n_changes + 2);
  change = sc_issue_get_change (issue, n_changes + 1);
  g_assert_cmpstr (change->field, ==, "period");
  g_assert_cmpstr (change->old_value, ==, "2025-04");
  g_assert_cmpstr (change->new_value, ==, "2025-03");

  /* Taking the period away: "none" is NULL, like an empty due date */
  g_assert_true (sc_issue_edit_set_period (stack, issue, SC_PERIOD_NONE));
  change = sc_issue_get_change (issue, n_changes + 2);
  g_assert_cmpstr (change->old_value, ==, "2025-03");
  g_assert_null (change->new_value);
  g_assert_true (sc_undo_stack_undo (stack));
  g_assert_true (sc_undo_stack_redo (stack));
  g_assert_cmpint (sc_issue_get_period (issue), ==, SC_PERIOD_NONE);
  g_assert_cmpuint (sc_issue_get_n_changes (issue), ==, n_changes + 5);
}

/* The history writes periods in the workbook's granularity and keeps them
 * through a save.
 */
static void
test_edit_period_history_saved (void)
{
  g_autoptr(ScWorkbook) book = make_book ();
  g_autoptr(ScWorkbook) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  ScIssue *issue = sc_workbook_lookup_issue (book, "ISS-0003");
  const ScIssueChange *change;
  ScPeriod q2;
  gsize size;
  const char *data;

  g_assert_true (sc_workbook_set_granularity (book, SC_GRANULARITY_QUARTER));
  g_assert_true (sc_period_parse (SC_GRANULARITY_QUARTER, "2025-Q2", &q2));
  g_assert_cmpuint (sc_issue_get_n_changes (issue), ==, 0);
  g_assert_true (sc_issue_edit_set_period (NULL, issue, q2));
  g_assert_cmpuint (sc_issue_get_n_changes (issue), ==, 1);
  change = sc_issue_get_change (issue, 0);
  g_assert_null (change->old_value);
  g_assert_cmpstr (change->new_value, ==, "2025-Q2");

  bytes = sc_workbook_to_bytes (book);
  data = g_bytes_get_data (bytes, &size);
  loaded = sc_workbook_load_from_data (data, size, "memory.scorecard", &error);
  g_assert_no_error (error);
  issue = sc_workbook_lookup_issue (loaded, "ISS-0003");
  g_assert_cmpint (sc_issue_get_period (issue), ==, q2);
  g_assert_cmpuint (sc_issue_get_n_changes (issue), ==, 1);
  change = sc_issue_get_change (issue, 0);
  g_assert_cmpstr (change->field, ==, "period");
  g_assert_null (change->old_value);
  g_assert_cmpstr (change->new_value, ==, "2025-Q2");
}

static void
test_edit_several_fields (void)
{
  g_autoptr(ScWorkbook) book = make_book ();
  g_autoptr(ScUndoStack) stack = sc_undo_stack_new ();
  ScIssue *issue = sc_workbook_lookup_issue (book, "ISS-0003");
  const char *names[] = { "title", "owner", "period", "status" };
  GValue values[4] = { G_VALUE_INIT, G_VALUE_INIT, G_VALUE_INIT, G_VALUE_INIT };

  g_value_init (&values[0], G_TYPE_STRING);
  g_value_set_string (&values[0], "Late deliveries");
  g_value_init (&values[1], G_TYPE_STRING);
  g_value_set_string (&values[1], "Paolo Ricci");
  g_value_init (&values[2], G_TYPE_INT);
  g_value_set_int (&values[2], 2025 * 12 + 4);
  g_value_init (&values[3], G_TYPE_INT);
  g_value_set_int (&values[3], SC_ISSUE_IN_PROGRESS);

  g_assert_true (sc_issue_edit_setv (stack, issue, "Edit Issue", 4, names, values));
  g_assert_cmpstr (sc_issue_get_title (issue), ==, "Late deliveries");
  g_assert_cmpstr (sc_issue_get_owner (issue), ==, "Paolo Ricci");
  g_assert_cmpint (sc_issue_get_period (issue), ==, 2025 * 12 + 4);
  g_assert_cmpint (sc_issue_get_status (issue), ==, SC_ISSUE_IN_PROGRESS);
  g_assert_cmpstr (sc_undo_stack_get_undo_label (stack), ==, "Edit Issue");

  /* One step undoes all four */
  g_assert_true (sc_undo_stack_undo (stack));
  g_assert_false (sc_undo_stack_get_can_undo (stack));
  g_assert_cmpstr (sc_issue_get_title (issue), ==, "Late");
  g_assert_cmpstr (sc_issue_get_owner (issue), ==, "");
  g_assert_cmpint (sc_issue_get_period (issue), ==, SC_PERIOD_NONE);
  g_assert_cmpint (sc_issue_get_status (issue), ==, SC_ISSUE_OPEN);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_value_unset (&values[i]);
}

static void
test_edit_bulk_status (void)
{
  g_autoptr(ScWorkbook) book = make_book ();
  g_autoptr(ScUndoStack) stack = sc_undo_stack_new ();
  ScIssue *issues[3] = {
    sc_workbook_lookup_issue (book, "ISS-0001"),
    sc_workbook_lookup_issue (book, "ISS-0002"),
    sc_workbook_lookup_issue (book, "ISS-0003"),
  };

  /* ISS-0002 is resolved already: two change */
  g_assert_cmpuint (sc_issue_edit_set_status_bulk (stack, issues, 3, SC_ISSUE_RESOLVED), ==, 2);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (sc_issue_get_status (issues[i]), ==, SC_ISSUE_RESOLVED);
  g_assert_cmpstr (sc_undo_stack_get_undo_label (stack), ==, "Change Status of 2 Issues");

  /* One undo step brings every one back */
  g_assert_true (sc_undo_stack_undo (stack));
  g_assert_false (sc_undo_stack_get_can_undo (stack));
  g_assert_cmpint (sc_issue_get_status (issues[0]), ==, SC_ISSUE_IN_PROGRESS);
  g_assert_cmpint (sc_issue_get_status (issues[1]), ==, SC_ISSUE_RESOLVED);
  g_assert_cmpint (sc_issue_get_status (issues[2]), ==, SC_ISSUE_OPEN);

  g_assert_true (sc_undo_stack_redo (stack));
  g_assert_cmpint (sc_issue_get_status (issues[0]), ==, SC_ISSUE_RESOLVED);
  g_assert_cmpint (sc_issue_get_status (issues[2]), ==, SC_ISSUE_RESOLVED);

  /* Nothing to change: nothing pushed */
  g_assert_cmpuint (sc_issue_edit_set_status_bulk (stack, issues, 3, SC_ISSUE_RESOLVED), ==, 0);
  g_assert_true (sc_undo_stack_undo (stack));
  g_assert_false (sc_undo_stack_get_can_undo (stack));
}

static void
test_add_remove (void)
{
  g_autoptr(ScWorkbook) book = make_book ();
  g_autoptr(ScUndoStack) stack = sc_undo_stack_new ();
  GListModel *issues = sc_workbook_get_issues (book);
  g_autofree char *id = sc_workbook_next_issue_id (book);
  g_autoptr(ScIssue) issue = sc_issue_new (id, "p2", "Wrong labels");
  ScIssue *old;

  g_assert_cmpstr (id, ==, "ISS-0004");
  g_assert_true (sc_issue_edit_add (stack, book, issue));
  g_assert_cmpuint (g_list_model_get_n_items (issues), ==, 4);
  g_assert_true (sc_workbook_lookup_issue (book, "ISS-0004") == issue);
  g_assert_false (sc_issue_edit_add (stack, book, issue));

  /* Edits of the new issue are tracked now that it is in the workbook */
  sc_issue_edit_set_string (stack, issue, "owner", "Anna");
  g_assert_cmpuint (sc_issue_get_n_changes (issue), ==, 1);

  g_assert_true (sc_undo_stack_undo (stack));
  g_assert_true (sc_undo_stack_undo (stack));
  g_assert_cmpuint (g_list_model_get_n_items (issues), ==, 3);
  g_assert_null (sc_workbook_lookup_issue (book, "ISS-0004"));
  g_assert_true (sc_undo_stack_redo (stack));
  g_assert_true (sc_workbook_lookup_issue (book, "ISS-0004") == issue);

  old = sc_workbook_lookup_issue (book, "ISS-0001");
  sc_issue_edit_remove (stack, book, old);
  g_assert_null (sc_workbook_lookup_issue (book, "ISS-0001"));
  g_assert_cmpuint (g_list_model_get_n_items (issues), ==, 3);
  g_assert_true (sc_undo_stack_undo (stack));
  g_assert_nonnull (sc_workbook_lookup_issue (book, "ISS-0001"));
  g_assert_cmpuint (g_list_model_get_n_items (issues), ==, 4);
  g_assert_cmpstr (sc_issue_get_title (sc_workbook_lookup_issue (book, "ISS-0001")), ==, "=1+1");
}

/* The ids of @issues in their order, "ISS-0001 ISS-0003". */
static char *
issue_ids (GListModel *issues)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(ScIssue) issue = g_list_model_get_item (issues, i);

      g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", sc_issue_get_id (issue));
    }
  return g_string_free (ids, FALSE);
}

/* Checks the order of the issues of @book, as listed and as saved. */
static void
assert_issue_order (ScWorkbook *book,
                    const char *expected)
{
  g_autoptr(GBytes) bytes = sc_workbook_to_bytes (book);
  g_autoptr(ScWorkbook) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = issue_ids (sc_workbook_get_issues (book));
  g_autofree char *saved_ids = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  g_assert_cmpstr (ids, ==, expected);
  loaded = sc_workbook_load_from_data (data, size, "memory.scorecard", &error);
  g_assert_no_error (error);
  saved_ids = issue_ids (sc_workbook_get_issues (loaded));
  g_assert_cmpstr (saved_ids, ==, expected);
}

static guint
issue_index (ScWorkbook *book,
             const char *id)
{
  GListModel *issues = sc_workbook_get_issues (book);

  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(ScIssue) issue = g_list_model_get_item (issues, i);

      if (g_str_equal (sc_issue_get_id (issue), id))
        return i;
    }
  g_error ("no issue %s", id);
}

/* Undoing a delete puts the issue back where it was, in the list and in
 * the saved file; redoing deletes it again.
 */
static void
test_remove_undo_keeps_order (void)
{
  g_autoptr(ScWorkbook) book = make_book ();
  g_autoptr(ScUndoStack) stack = sc_undo_stack_new ();
  const char *before = "ISS-0001 ISS-0002 ISS-0003";

  assert_issue_order (book, before);

  sc_issue_edit_remove (stack, book, sc_workbook_lookup_issue (book, "ISS-0002"));
  assert_issue_order (book, "ISS-0001 ISS-0003");

  g_assert_true (sc_undo_stack_undo (stack));
  g_assert_cmpuint (issue_index (book, "ISS-0002"), ==, 1);
  assert_issue_order (book, before);

  g_assert_true (sc_undo_stack_redo (stack));
  g_assert_null (sc_workbook_lookup_issue (book, "ISS-0002"));
  assert_issue_order (book, "ISS-0001 ISS-0003");

  g_assert_true (sc_undo_stack_undo (stack));
  g_assert_cmpuint (issue_index (book, "ISS-0002"), ==, 1);
  assert_issue_order (book, before);

  /* Two deletes undone in turn: each goes back to its own place */
  sc_issue_edit_remove (stack, book, sc_workbook_lookup_issue (book, "ISS-0001"));
  sc_issue_edit_remove (stack, book, sc_workbook_lookup_issue (book, "ISS-0002"));
  assert_issue_order (book, "ISS-0003");
  g_assert_true (sc_undo_stack_undo (stack));
  assert_issue_order (book, "ISS-0002 ISS-0003");
  g_assert_true (sc_undo_stack_undo (stack));
  assert_issue_order (book, before);

  /* Back in the workbook, its edits are history again */
  g_assert_true (sc_issue_edit_set_string (stack, sc_workbook_lookup_issue (book, "ISS-0002"),
                                           "owner", "Anna"));
  g_assert_cmpuint (sc_issue_get_n_changes (sc_workbook_lookup_issue (book, "ISS-0002")), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/issue-export/csv-cell", test_csv_cell);
  g_test_add_func ("/issue-export/csv", test_csv_export);
  g_test_add_func ("/issue-export/json", test_json_export);
  g_test_add_func ("/issue-edit/string-undo", test_edit_string_undo);
  g_test_add_func ("/issue-edit/period-history", test_edit_period_history);
  g_test_add_func ("/issue-edit/period-history-saved", test_edit_period_history_saved);
  g_test_add_func ("/issue-edit/several-fields", test_edit_several_fields);
  g_test_add_func ("/issue-edit/bulk-status", test_edit_bulk_status);
  g_test_add_func ("/issue-edit/add-remove", test_add_remove);
  g_test_add_func ("/issue-edit/remove-undo-keeps-order", test_remove_undo_keeps_order);

  return g_test_run ();
}
