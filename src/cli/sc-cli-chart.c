/* sc-cli-chart.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `scorecards chart BOOK --partner NAME [--kpi ID] [--kind KIND] -o OUT`:
 * draws one chart of a workbook into a PNG, SVG or PDF file, with the
 * same code the window and the reports draw with.
 */

#define G_LOG_DOMAIN "sc-cli-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "sc-chart.h"
#include "sc-cli-private.h"

typedef struct
{
  char   *partner;
  char   *kpi;
  char   *kind;
  char   *output;
  char   *theme;
  char   *recipe;
  int     width;
  int     height;
  GStrv   args;
} ChartOptions;

static void
chart_options_clear (ChartOptions *options)
{
  g_free (options->partner);
  g_free (options->kpi);
  g_free (options->kind);
  g_free (options->output);
  g_free (options->theme);
  g_free (options->recipe);
  g_strfreev (options->args);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ChartOptions, chart_options_clear)

static gboolean
matches (const char *name,
         const char *query,
         gboolean    exact)
{
  g_autofree char *a = g_utf8_casefold (name, -1);
  g_autofree char *b = g_utf8_casefold (query, -1);

  return exact ? g_str_equal (a, b) : strstr (a, b) != NULL;
}

static ScKpi *
find_kpi (ScWorkbook  *book,
          const char  *query,
          GError     **error)
{
  GListModel *kpis = sc_workbook_get_kpis (book);
  ScKpi *found = sc_workbook_lookup_kpi (book, query);

  for (guint i = 0; found == NULL && i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(ScKpi) kpi = g_list_model_get_item (kpis, i);

      if (matches (sc_kpi_get_name (kpi), query, TRUE))
        found = kpi;
    }
  if (found == NULL)
    g_set_error (error, SC_CHART_ERROR, SC_CHART_ERROR_NO_DATA, _("no KPI “%s”"), query);
  return found;
}

/* Checks what GOption cannot; prints the problem and returns FALSE. */
static gboolean
check_usage (ChartOptions  *options,
             ScChartKind   *kind,
             ScTheme       *theme,
             ScChartFormat *format)
{
  const char *problem = NULL;
  g_autofree char *message = NULL;

  if (options->args == NULL || g_strv_length (options->args) != 1)
    problem = _("expected exactly one workbook");
  else if (options->output == NULL)
    problem = _("missing -o OUT.png|OUT.svg|OUT.pdf");
  else if (!sc_chart_format_from_filename (options->output, format))
    problem = message = g_strdup_printf (_("“%s”: the output must end in .png, .svg or .pdf"), options->output);
  else if (options->kind && !sc_chart_kind_from_string (options->kind, kind))
    problem = message = g_strdup_printf (_("unknown kind “%s” (trend, bullet, ranking, heatmap, radar or pareto)"),
                                         options->kind);
  else if (options->theme && !sc_theme_from_string (options->theme, theme))
    problem = message = g_strdup_printf (_("unknown theme “%s” (light, dark or print)"), options->theme);
  else if (options->width < 16 || options->width > 20000 || options->height < 16 || options->height > 20000)
    problem = _("--width and --height must be between 16 and 20000");
  else if (options->partner == NULL && (*kind == SC_CHART_TREND || *kind == SC_CHART_BULLET ||
                                        *kind == SC_CHART_RADAR))
    problem = message = g_strdup_printf (_("a %s chart needs --partner NAME"), sc_chart_kind_to_string (*kind));

  if (problem == NULL)
    return TRUE;
  sc_cli_usage_error ("chart", problem);
  return FALSE;
}

static ScChart *
build_chart (ChartOptions  *options,
             ScChartKind    kind,
             GError       **error)
{
  g_autoptr(ScWorkbook) book = NULL;
  ScPartner *partner = NULL;
  ScKpi *kpi = NULL;

  book = sc_cli_open_book (options->args[0], options->recipe, error);
  if (book == NULL)
    return NULL;
  if (options->partner && (partner = sc_cli_find_partner (book, options->partner, SC_CHART_ERROR,
                                                                    SC_CHART_ERROR_NO_DATA, error)) == NULL)
    return NULL;
  if (options->kpi && (kpi = find_kpi (book, options->kpi, error)) == NULL)
    return NULL;
  if (sc_workbook_get_latest_period (book) == SC_PERIOD_NONE)
    {
      g_set_error (error, SC_CHART_ERROR, SC_CHART_ERROR_NO_DATA, _("the workbook holds no values yet"));
      return NULL;
    }
  return sc_chart_new_from_workbook (book, kind, partner, kpi, SC_PERIOD_NONE, SC_PERIOD_NONE, error);
}

int
sc_cli_chart (int    argc,
              char **argv)
{
  g_auto(ChartOptions) options = { .width = 800, .height = 500 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ScChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  ScChartKind kind = SC_CHART_TREND;
  ScTheme theme = SC_THEME_LIGHT;
  ScChartFormat format;
  ScChartStyle style;
  GOptionEntry entries[] = {
    { "partner", 'p', 0, G_OPTION_ARG_STRING, &options.partner, N_("Partner id or name"), "NAME" },
    { "kpi", 'k', 0, G_OPTION_ARG_STRING, &options.kpi, N_("KPI id or name (trend, bullet)"), "ID" },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &options.kind,
      N_("trend, bullet, ranking, heatmap, radar or pareto (default: trend)"), "KIND" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output, N_("Write the chart to OUT.png, .svg or .pdf"), "OUT" },
    { "width", 0, 0, G_OPTION_ARG_INT, &options.width, N_("Width in pixels, or points for SVG and PDF (default: 800)"), "W" },
    { "height", 0, 0, G_OPTION_ARG_INT, &options.height, N_("Height (default: 500)"), "H" },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &options.theme, N_("light, dark or print (default: light)"), "THEME" },
    { "recipe", 0, 0, G_OPTION_ARG_FILENAME, &options.recipe, N_("Aggregate transaction rows with the recipe R.json"), "R.json" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options.args, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("BOOK — draw a chart as PNG, SVG or PDF"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_set_prgname ("scorecards chart");

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      sc_cli_usage_error ("chart", error->message);
      return SC_EXIT_USAGE;
    }
  if (!check_usage (&options, &kind, &theme, &format))
    return SC_EXIT_USAGE;

  chart = build_chart (&options, kind, &error);
  sc_chart_style_init (&style, theme);
  if (chart == NULL ||
      !sc_chart_export (chart, &style, options.width, options.height, format, options.output, &error))
    {
      /* A failed export's message names the output file already */
      if (chart != NULL)
        fprintf (stderr, "scorecards: %s\n", error->message);
      else
        fprintf (stderr, "scorecards: %s: %s\n", options.args[0], error->message);
      return SC_EXIT_BAD_INPUT;
    }

  return SC_EXIT_OK;
}
