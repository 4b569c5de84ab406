/* sc-partner-row.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row of the partner sidebar: standing badge (in the standing's colour),
 * name, the standing's symbol, type and score with the count of red KPIs
 * and open issues, why the partner is on the watch list, and a sparkline
 * of the overall score.
 *
 * The badge and the two lines of text are drawn by the row itself rather
 * than by seven widgets: GTK 4.8 makes a new row for every partner that
 * scrolls or filters into view, and each widget costs its style, its size
 * and its node. Only the sparkline is a child.
 */

#define G_LOG_DOMAIN "sc-partner-row"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-palette.h"
#include "sc-partner-row.h"
#include "sc-sparkline-widget.h"
#include "sc-tooltip.h"

#define MARGIN      6     /* above and below */
#define BADGE_SIZE  26
#define SPACING     10
#define LINE_GAP    2
#define SPARK_WIDTH 64
#define SPARK_HEIGHT 24
#define CAPTION_SIZE 9       /* points: libadwaita's .caption */
#define DIM_ALPHA   0.55     /* libadwaita's .dim-label */

struct _ScPartnerRow
{
  GtkWidget          parent_instance;

  ScSparklineWidget *sparkline;
  PangoLayout       *grade_layout;
  PangoLayout       *name_layout;
  PangoLayout       *detail_layout;
  char               grade;       /* 'A'… or 0: no data */

  /* The standing, set before each update */
  GdkRGBA            standing_fill;
  char              *standing_symbol;
  char              *standing_name;  /* shown beside the symbol when too long for the badge */
  char              *watch_text;
  guint              has_standing_fill : 1;
};

G_DEFINE_FINAL_TYPE (ScPartnerRow, sc_partner_row, GTK_TYPE_WIDGET)

/* Layouts */

static PangoLayout *
new_layout (ScPartnerRow *self,
            int           points,
            PangoWeight   weight)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  PangoAttrList *attrs = pango_attr_list_new ();

  if (points > 0)
    pango_attr_list_insert (attrs, pango_attr_size_new (points * PANGO_SCALE));
  if (weight != PANGO_WEIGHT_NORMAL)
    pango_attr_list_insert (attrs, pango_attr_weight_new (weight));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

/* The fonts follow the widget's: made again when its style changes */
static void
ensure_layouts (ScPartnerRow *self)
{
  if (self->name_layout != NULL)
    return;

  self->name_layout = new_layout (self, 0, PANGO_WEIGHT_NORMAL);
  self->detail_layout = new_layout (self, CAPTION_SIZE, PANGO_WEIGHT_NORMAL);
  self->grade_layout = new_layout (self, 0, PANGO_WEIGHT_ULTRABOLD);
  pango_layout_set_ellipsize (self->grade_layout, PANGO_ELLIPSIZE_NONE);
}

static void
drop_layouts (ScPartnerRow *self)
{
  g_autofree char *name = self->name_layout ? g_strdup (pango_layout_get_text (self->name_layout)) : NULL;
  g_autofree char *detail = self->detail_layout ? g_strdup (pango_layout_get_text (self->detail_layout)) : NULL;
  g_autofree char *grade = self->grade_layout ? g_strdup (pango_layout_get_text (self->grade_layout)) : NULL;

  g_clear_object (&self->name_layout);
  g_clear_object (&self->detail_layout);
  g_clear_object (&self->grade_layout);
  if (name == NULL)
    return;

  ensure_layouts (self);
  pango_layout_set_text (self->name_layout, name, -1);
  pango_layout_set_text (self->detail_layout, detail, -1);
  pango_layout_set_text (self->grade_layout, grade, -1);
}

static int
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static int
text_height (ScPartnerRow *self)
{
  ensure_layouts (self);
  return layout_height (self->name_layout) + LINE_GAP + layout_height (self->detail_layout);
}

/* Colours */

static void
get_foreground (ScPartnerRow *self,
                GdkRGBA      *color)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (GTK_WIDGET (self), color);
#else
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), color);
  G_GNUC_END_IGNORE_DEPRECATIONS
#endif
}

/* Black or white, whichever reads better on @fill (WCAG relative luminance) */
static void
sc_row_text_on (const GdkRGBA *fill,
                GdkRGBA       *ink)
{
  double channel[3] = { fill->red, fill->green, fill->blue };
  double luminance;

  for (guint i = 0; i < 3; i++)
    channel[i] = channel[i] <= 0.03928 ? channel[i] / 12.92 : pow ((channel[i] + 0.055) / 1.055, 2.4);
  luminance = 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2];
  *ink = luminance > 0.179 ? (GdkRGBA) { 0, 0, 0, 0.87 } : (GdkRGBA) { 1, 1, 1, 1 };
}

/* The badge's fill and ink: a colour per grade, white on it, and a grey
 * dash when there is no grade (in light and dark)
 */
static void
badge_colors (ScPartnerRow  *self,
              const GdkRGBA *foreground,
              GdkRGBA       *fill,
              GdkRGBA       *ink)
{
  static const GdkRGBA white = { 1, 1, 1, 1 };

  *ink = white;
  if (self->grade != 0 && self->has_standing_fill)
    {
      *fill = self->standing_fill;
      sc_row_text_on (fill, ink);
      return;
    }
  switch (self->grade)
    {
    case 'A': *fill = (GdkRGBA) { 0x00 / 255., 0x7a / 255., 0x5a / 255., 1 }; break;
    case 'B': *fill = (GdkRGBA) { 0x35 / 255., 0x84 / 255., 0xe4 / 255., 1 }; break;
    case 'C': *fill = (GdkRGBA) { 0xb3 / 255., 0x6b / 255., 0x00 / 255., 1 }; break;
    case 0:
      *fill = *foreground;
      fill->alpha *= 0.12;
      *ink = *foreground;
      ink->alpha *= 0.7;
      break;
    default: *fill = (GdkRGBA) { 0xc0 / 255., 0x39 / 255., 0x2b / 255., 1 }; break;
    }
}

/* GtkWidget */

static void
sc_partner_row_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  ScPartnerRow *self = SC_PARTNER_ROW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int name_width, detail_width;
      int width;

      /* The natural widths of the texts, leaving the widths set at the
       * last allocation as they were: GTK may measure again without
       * allocating again
       */
      ensure_layouts (self);
      width = pango_layout_get_width (self->name_layout);
      pango_layout_set_width (self->name_layout, -1);
      pango_layout_set_width (self->detail_layout, -1);
      pango_layout_get_pixel_size (self->name_layout, &name_width, NULL);
      pango_layout_get_pixel_size (self->detail_layout, &detail_width, NULL);
      pango_layout_set_width (self->name_layout, width);
      pango_layout_set_width (self->detail_layout, width);
      *minimum = BADGE_SIZE + 2 * SPACING + SPARK_WIDTH + 24;
      *natural = BADGE_SIZE + 2 * SPACING + SPARK_WIDTH + MAX (name_width, detail_width);
    }
  else
    {
      *minimum = *natural = 2 * MARGIN + MAX (BADGE_SIZE, MAX (text_height (self), SPARK_HEIGHT));
    }
}

static void
sc_partner_row_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  ScPartnerRow *self = SC_PARTNER_ROW (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int text_width = MAX (width - BADGE_SIZE - 2 * SPACING - SPARK_WIDTH, 1);
  int x = rtl ? 0 : width - SPARK_WIDTH;

  ensure_layouts (self);
  pango_layout_set_width (self->name_layout, text_width * PANGO_SCALE);
  pango_layout_set_width (self->detail_layout, text_width * PANGO_SCALE);
  gtk_widget_size_allocate (GTK_WIDGET (self->sparkline),
                            &(GtkAllocation) { x, (height - SPARK_HEIGHT) / 2, SPARK_WIDTH, SPARK_HEIGHT },
                            -1);
}

static void
sc_partner_row_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  ScPartnerRow *self = SC_PARTNER_ROW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int badge_x = rtl ? width - BADGE_SIZE : 0;
  int badge_y = (height - BADGE_SIZE) / 2;
  int text_x = rtl ? SPARK_WIDTH + SPACING : BADGE_SIZE + SPACING;
  int text_y = (height - text_height (self)) / 2;
  GdkRGBA foreground, dim, fill, ink;
  GskRoundedRect circle;
  int grade_width, grade_height;

  get_foreground (self, &foreground);
  dim = foreground;
  dim.alpha *= DIM_ALPHA;

  /* The badge: a disc with the grade */
  badge_colors (self, &foreground, &fill, &ink);
  gsk_rounded_rect_init_from_rect (&circle, &GRAPHENE_RECT_INIT (badge_x, badge_y, BADGE_SIZE, BADGE_SIZE),
                                   BADGE_SIZE / 2.0);
  gtk_snapshot_push_rounded_clip (snapshot, &circle);
  gtk_snapshot_append_color (snapshot, &fill, &circle.bounds);
  gtk_snapshot_pop (snapshot);
  pango_layout_get_pixel_size (self->grade_layout, &grade_width, &grade_height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (badge_x + (BADGE_SIZE - grade_width) / 2.0,
                                                          badge_y + (BADGE_SIZE - grade_height) / 2.0));
  gtk_snapshot_append_layout (snapshot, self->grade_layout, &ink);
  gtk_snapshot_restore (snapshot);

  /* Name, then type, score, reds and issues */
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (text_x, text_y));
  gtk_snapshot_append_layout (snapshot, self->name_layout, &foreground);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, layout_height (self->name_layout) + LINE_GAP));
  gtk_snapshot_append_layout (snapshot, self->detail_layout, &dim);
  gtk_snapshot_restore (snapshot);

  gtk_widget_snapshot_child (widget, GTK_WIDGET (self->sparkline), snapshot);
}

static void
sc_partner_row_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (sc_partner_row_parent_class)->css_changed (widget, change);

  /* A new font or scale: the layouts are made again with it */
  drop_layouts (SC_PARTNER_ROW (widget));
  gtk_widget_queue_resize (widget);
}

static void
sc_partner_row_direction_changed (GtkWidget        *widget,
                                  GtkTextDirection  previous)
{
  drop_layouts (SC_PARTNER_ROW (widget));
  gtk_widget_queue_resize (widget);
}

static void
sc_partner_row_dispose (GObject *object)
{
  ScPartnerRow *self = (ScPartnerRow *)object;

  if (self->sparkline != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->sparkline));
      self->sparkline = NULL;
    }
  g_clear_object (&self->name_layout);
  g_clear_object (&self->detail_layout);
  g_clear_object (&self->grade_layout);
  g_clear_pointer (&self->standing_symbol, g_free);
  g_clear_pointer (&self->standing_name, g_free);
  g_clear_pointer (&self->watch_text, g_free);

  G_OBJECT_CLASS (sc_partner_row_parent_class)->dispose (object);
}

static void
sc_partner_row_class_init (ScPartnerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_partner_row_dispose;
  widget_class->measure = sc_partner_row_measure;
  widget_class->size_allocate = sc_partner_row_size_allocate;
  widget_class->snapshot = sc_partner_row_snapshot;
  widget_class->css_changed = sc_partner_row_css_changed;
  widget_class->direction_changed = sc_partner_row_direction_changed;

  gtk_widget_class_set_css_name (widget_class, "partnerrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sc_partner_row_init (ScPartnerRow *self)
{
  self->sparkline = SC_SPARKLINE_WIDGET (g_object_new (SC_TYPE_SPARKLINE_WIDGET, NULL));
  gtk_widget_set_parent (GTK_WIDGET (self->sparkline), GTK_WIDGET (self));
}

GtkWidget *
sc_partner_row_new (void)
{
  return g_object_new (SC_TYPE_PARTNER_ROW, NULL);
}

/* Shows @summary of @partner; @history is the overall score over the
 * workbook's periods.
 */
void
sc_partner_row_update (ScPartnerRow           *self,
                       ScPartner              *partner,
                       const ScPartnerSummary *summary,
                       const double           *history,
                       guint                   n_history,
                       guint                   open_issues)
{
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autofree char *spark_label = NULL;
  g_autofree char *tooltip = NULL;
  const char *name = sc_partner_get_name (partner);
  guint n_red = summary->n_red;

  g_return_if_fail (SC_IS_PARTNER_ROW (self));

  /* Why it is on the watch list first: the row cuts what does not fit */
  if (self->watch_text != NULL)
    g_string_append_printf (detail, "⚑ %s · ", self->watch_text);
  /* The standing's symbol tells it without its colour */
  if (summary->grade != NULL && self->standing_symbol != NULL)
    {
      g_string_append_printf (detail, "%s ", self->standing_symbol);
      if (self->standing_name != NULL)
        g_string_append_printf (detail, "%s · ", self->standing_name);
    }
  g_string_append (detail, sc_partner_type_get_label (sc_partner_get_partner_type (partner)));
  if (!isnan (summary->score))
    g_string_append_printf (detail, " · %.1f", summary->score);
  else
    g_string_append_printf (detail, " · %s", _("no data"));
  if (n_red > 0)
    /* Translators: number of KPIs in the red; the symbol marks the status */
    {
      g_string_append_printf (detail, " · %s ", sc_palette_status_symbol (SC_STATUS_RED));
      g_string_append_printf (detail, ngettext ("%u red", "%u red", n_red), n_red);
    }
  if (open_issues > 0)
    {
      g_string_append (detail, " · ");
      g_string_append_printf (detail, ngettext ("%u open issue", "%u open issues", open_issues),
                              open_issues);
    }


  ensure_layouts (self);
  self->grade = summary->grade ? summary->grade[0] : 0;
  pango_layout_set_text (self->grade_layout,
                         summary->grade == NULL ? "–" :
                         self->standing_name != NULL ? self->standing_symbol : summary->grade, -1);
  pango_layout_set_text (self->name_layout, name, -1);
  pango_layout_set_text (self->detail_layout, detail->str, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));

  tooltip = g_strdup_printf ("%s\n%s", name, detail->str);
  sc_tooltip_set_text (GTK_WIDGET (self), tooltip);

  spark_label = g_strdup_printf (_("Overall score over %u periods"), n_history);
  sc_sparkline_widget_set_values (self->sparkline, history, n_history, NAN,
                                  isnan (summary->score) ? SC_STATUS_NO_DATA :
                                  n_red > 0 ? SC_STATUS_RED : SC_STATUS_GREEN,
                                  spark_label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
}

/**
 * sc_partner_row_set_standing:
 * @self: a row
 * @standing: (nullable): the partner's standing, %NULL: no data
 * @watch_text: (nullable): why the partner is on the watch list
 *
 * What the next sc_partner_row_update() shows of the partner's standing:
 * the badge in its colour with its name (or, for a name longer than the
 * badge holds, its symbol, with the name in the text).
 */
void
sc_partner_row_set_standing (ScPartnerRow      *self,
                             const ScGradeBand *standing,
                             const char        *watch_text)
{
  g_return_if_fail (SC_IS_PARTNER_ROW (self));

  g_clear_pointer (&self->standing_symbol, g_free);
  g_clear_pointer (&self->standing_name, g_free);
  g_clear_pointer (&self->watch_text, g_free);
  self->has_standing_fill = FALSE;
  self->watch_text = g_strdup (watch_text);
  if (standing == NULL)
    return;

  self->standing_symbol = g_strdup (standing->symbol);
  if (g_utf8_strlen (standing->grade, -1) > 2)
    self->standing_name = g_strdup (standing->grade);
  self->has_standing_fill = standing->colour != NULL &&
                            gdk_rgba_parse (&self->standing_fill, standing->colour);
}

/* Private API for tests */

const char *
sc_partner_row_get_detail_text (ScPartnerRow *self)
{
  g_return_val_if_fail (SC_IS_PARTNER_ROW (self), NULL);

  ensure_layouts (self);
  return pango_layout_get_text (self->detail_layout);
}

const char *
sc_partner_row_get_grade_text (ScPartnerRow *self)
{
  g_return_val_if_fail (SC_IS_PARTNER_ROW (self), NULL);

  ensure_layouts (self);
  return pango_layout_get_text (self->grade_layout);
}
