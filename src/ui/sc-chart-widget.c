/* sc-chart-widget.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A widget around any chart of src/render. The chart is drawn once into a
 * render node that is kept until the data, the dark style or the size
 * changes; focus and hover only add a ring on top. Tooltips and clicks go
 * through the chart's hit test, arrow keys step between points, and the
 * context menu exports the chart as PNG, SVG or PDF.
 */

#define G_LOG_DOMAIN "sc-chart-widget"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "sc-chart-widget.h"

/* The tallest cairo node a chart makes; taller charts are split */
#define MAX_TILE_HEIGHT 1024

struct _ScChartWidget
{
  GtkWidget      parent_instance;

  GtkWidget     *menu;

  ScChart       *chart;
  GskRenderNode *cache;
  int            cache_width;
  int            cache_height;
  int            cache_top;      /* the rows of a tall chart drawn, in pixels */
  int            cache_bottom;
  gboolean       cache_dark;
  GtkAdjustment *vadjustment;    /* of the viewport a tall chart scrolls in */
  int            focus_index;
  ScChartFormat  export_format;
};

G_DEFINE_FINAL_TYPE (ScChartWidget, sc_chart_widget, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  N_PROPS
};

enum {
  POINT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
get_style (ScChartWidget *self,
           ScChartStyle  *style)
{
  sc_chart_style_init (style, is_dark () ? SC_THEME_DARK : SC_THEME_LIGHT);
}

static void
invalidate (ScChartWidget *self)
{
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
get_point (ScChartWidget *self,
           int            index,
           ScChartHit    *hit)
{
  ScChartStyle style;

  if (self->chart == NULL || index < 0)
    return FALSE;
  get_style (self, &style);
  return sc_chart_get_point (self->chart, &style, gtk_widget_get_width (GTK_WIDGET (self)),
                             gtk_widget_get_height (GTK_WIDGET (self)), index, hit);
}

static void
update_accessible (ScChartWidget *self)
{
  g_autofree char *title = self->chart ? sc_chart_dup_title (self->chart) : g_strdup ("");
  g_autofree char *description = self->chart ? sc_chart_dup_description (self->chart) : g_strdup ("");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* Moves the keyboard focus to the next point with data in @direction. */
static void
move_focus (ScChartWidget *self,
            int            direction)
{
  int n = self->chart ? (int) sc_chart_get_n_points (self->chart) : 0;
  int index = self->focus_index < 0 ? (direction > 0 ? -1 : n) : self->focus_index;
  ScChartHit hit;

  for (index += direction; index >= 0 && index < n; index += direction)
    {
      if (get_point (self, index, &hit))
        {
          self->focus_index = index;
          gtk_widget_queue_draw (GTK_WIDGET (self));
          gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
          return;
        }
    }
  gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
activate_point (ScChartWidget *self,
                int            index)
{
  ScChartHit hit;

  if (!get_point (self, index, &hit))
    return;
  g_signal_emit (self, signals[POINT_ACTIVATED], 0, hit.partner, hit.kpi, (int) hit.period);
}

static void
popup_menu (ScChartWidget *self,
            double         x,
            double         y)
{
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &(GdkRectangle) { x, y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

/* Callbacks */

static void
on_dark_changed_cb (ScChartWidget *self)
{
  invalidate (self);
}

static gboolean
on_query_tooltip_cb (ScChartWidget *self,
                     int            x,
                     int            y,
                     gboolean       keyboard_mode,
                     GtkTooltip    *tooltip,
                     gpointer       user_data)
{
  g_autofree char *text = NULL;
  ScChartStyle style;
  ScChartHit hit;
  gboolean found;

  if (self->chart == NULL)
    return FALSE;
  get_style (self, &style);
  if (keyboard_mode)
    found = get_point (self, self->focus_index, &hit);
  else
    found = sc_chart_hit_test (self->chart, &style, gtk_widget_get_width (GTK_WIDGET (self)),
                               gtk_widget_get_height (GTK_WIDGET (self)), x, y, &hit);
  if (!found || (text = sc_chart_dup_tooltip (self->chart, &hit)) == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { hit.x - 6, hit.y - 6, 12, 12 });
  return TRUE;
}

static void
on_pressed_cb (GtkGestureClick *gesture,
               int              n_press,
               double           x,
               double           y,
               ScChartWidget   *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (gesture));
  ScChartStyle style;
  ScChartHit hit;

  if (button == GDK_BUTTON_SECONDARY || (event && gdk_event_triggers_context_menu (event)))
    {
      popup_menu (self, x, y);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }
  if (self->chart == NULL)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  get_style (self, &style);
  if (!sc_chart_hit_test (self->chart, &style, gtk_widget_get_width (GTK_WIDGET (self)),
                          gtk_widget_get_height (GTK_WIDGET (self)), x, y, &hit))
    return;
  self->focus_index = hit.index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[POINT_ACTIVATED], 0, hit.partner, hit.kpi, (int) hit.period);
}

static gboolean
on_key_pressed_cb (ScChartWidget   *self,
                   guint            keyval,
                   guint            keycode,
                   GdkModifierType  state)
{
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move_focus (self, -1);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move_focus (self, +1);
      return TRUE;
    case GDK_KEY_Home:
      self->focus_index = -1;
      move_focus (self, +1);
      return TRUE;
    case GDK_KEY_End:
      self->focus_index = -1;
      move_focus (self, -1);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      activate_point (self, self->focus_index);
      return self->focus_index >= 0;
    case GDK_KEY_Menu:
      popup_menu (self, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                  gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
      return TRUE;
    case GDK_KEY_F10:
      if (!(state & GDK_SHIFT_MASK))
        return FALSE;
      popup_menu (self, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                  gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
      return TRUE;
    default:
      return FALSE;
    }
}

/* Export */

static void
show_error (ScChartWidget *self,
            const char    *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("Could Not Export the Chart"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS

static void
on_export_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       ScChartWidget   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  ScChartStyle style;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && self->chart != NULL && (path = g_file_get_path (file)) != NULL)
    {
      /* paper gets the print look; images keep what is on screen */
      get_style (self, &style);
      if (self->export_format == SC_CHART_FORMAT_PDF)
        sc_chart_style_init (&style, SC_THEME_PRINT);
      int width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 320);
      int height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 200);

      /* A PNG at twice the pixels: sharp in a slide or on a HiDPI screen
       * (once only when that would pass cairo's 32,767-pixel limit)
       */
      if (!sc_chart_export_scaled (self->chart, &style, width, height, height * 2 <= 32767 ? 2 : 1,
                                   self->export_format, path, &error))
        show_error (self, error->message);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScChartWidget *self = SC_CHART_WIDGET (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *title = self->chart ? sc_chart_dup_title (self->chart) : g_strdup (_("Chart"));
  g_autofree char *name = g_strdup_printf ("%s.%s", title, format);
  GtkFileChooserNative *chooser;

  if (!sc_chart_format_from_filename (name, &self->export_format))
    return;
  g_strdelimit (name, "/\\:", '-');
  chooser = gtk_file_chooser_native_new (_("Export Chart"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

G_GNUC_END_IGNORE_DEPRECATIONS

/* Drawing */

static void
snapshot_focus (ScChartWidget *self,
                GtkSnapshot   *snapshot)
{
  GdkRGBA accent = { 0.21, 0.52, 0.89, 1 };
  GskRoundedRect ring;
  ScChartHit hit;

  if (!gtk_widget_has_focus (GTK_WIDGET (self)) || !get_point (self, self->focus_index, &hit))
    return;
  if (is_dark ())
    accent = (GdkRGBA) { 0.47, 0.68, 0.93, 1 };
  gsk_rounded_rect_init_from_rect (&ring, &GRAPHENE_RECT_INIT (hit.x - 8, hit.y - 8, 16, 16), 8);
  gtk_snapshot_append_border (snapshot, &ring, (float[4]) { 2, 2, 2, 2 },
                              (GdkRGBA[4]) { accent, accent, accent, accent });
}

/* The part of the widget's height on screen: all of it unless it scrolls
 * in a viewport.
 */
static void
get_visible_range (ScChartWidget *self,
                   int           *top,
                   int           *bottom)
{
  GtkWidget *viewport = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_VIEWPORT);
  graphene_rect_t bounds;

  *top = 0;
  *bottom = gtk_widget_get_height (GTK_WIDGET (self));
  if (viewport != NULL && gtk_widget_compute_bounds (viewport, GTK_WIDGET (self), &bounds))
    {
      *top = MAX (*top, (int) floor (bounds.origin.y));
      *bottom = MIN (*bottom, (int) ceil (bounds.origin.y + bounds.size.height));
    }
}

/* A tall chart draws the tiles around what is on screen; scrolling past
 * them draws the next ones.
 */
static void
on_vadjustment_changed_cb (ScChartWidget *self)
{
  /* The viewport moves its child at the next layout, not yet: the snapshot
   * that follows it sees where the chart is and draws the tiles it needs
   * (or keeps those it has)
   */
  if (self->cache != NULL && self->cache_height > MAX_TILE_HEIGHT)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
sc_chart_widget_map (GtkWidget *widget)
{
  ScChartWidget *self = SC_CHART_WIDGET (widget);
  GtkWidget *viewport;

  GTK_WIDGET_CLASS (sc_chart_widget_parent_class)->map (widget);

  viewport = gtk_widget_get_ancestor (widget, GTK_TYPE_VIEWPORT);
  if (viewport != NULL)
    {
      g_set_object (&self->vadjustment, gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (viewport)));
      if (self->vadjustment != NULL)
        g_signal_connect_object (self->vadjustment, "value-changed",
                                 G_CALLBACK (on_vadjustment_changed_cb), self, G_CONNECT_SWAPPED);
    }
}

static void
sc_chart_widget_unmap (GtkWidget *widget)
{
  ScChartWidget *self = SC_CHART_WIDGET (widget);

  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_vadjustment_changed_cb, self);
  g_clear_object (&self->vadjustment);

  GTK_WIDGET_CLASS (sc_chart_widget_parent_class)->unmap (widget);
}

/* Draws the chart into the cached node only when its size or the dark
 * style changed since the last time; data changes drop the cache.
 */
static void
sc_chart_widget_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  ScChartWidget *self = SC_CHART_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean dark = is_dark ();
  int top = 0, bottom = height;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  if (height > MAX_TILE_HEIGHT)
    get_visible_range (self, &top, &bottom);

  if (self->cache == NULL || self->cache_width != width || self->cache_height != height ||
      self->cache_dark != dark || top < self->cache_top || bottom > self->cache_bottom)
    {
      GtkSnapshot *chart_snapshot = gtk_snapshot_new ();
      ScChartStyle style;
      cairo_t *cr;

      get_style (self, &style);
      if (height <= MAX_TILE_HEIGHT)
        {
          cr = gtk_snapshot_append_cairo (chart_snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
          sc_chart_draw (self->chart, cr, &style, width, height);
          cairo_destroy (cr);
          self->cache_top = 0;
          self->cache_bottom = height;
        }
      else
        {
          /* A ranking of thousands of partners is tens of thousands of
           * pixels tall: more than a GL texture can hold (GTK 4.8 aborts),
           * and slow to draw whole. It is drawn in tiles, the ones on
           * screen and one more on each side; each tile draws only its
           * own rows.
           */
          int first = MAX (top / MAX_TILE_HEIGHT - 1, 0);
          int last = MIN (MAX (bottom - 1, 0) / MAX_TILE_HEIGHT + 1, (height - 1) / MAX_TILE_HEIGHT);

          for (int i = first; i <= last; i++)
            {
              int y = i * MAX_TILE_HEIGHT;
              int tile = MIN (MAX_TILE_HEIGHT, height - y);

              cr = gtk_snapshot_append_cairo (chart_snapshot, &GRAPHENE_RECT_INIT (0, y, width, tile));
              sc_chart_draw (self->chart, cr, &style, width, height);
              cairo_destroy (cr);
            }
          self->cache_top = first * MAX_TILE_HEIGHT;
          self->cache_bottom = MIN ((last + 1) * MAX_TILE_HEIGHT, height);
        }
      g_clear_pointer (&self->cache, gsk_render_node_unref);
      self->cache = gtk_snapshot_free_to_node (chart_snapshot);
      self->cache_width = width;
      self->cache_height = height;
      self->cache_dark = dark;
    }
  if (self->cache != NULL)
    gtk_snapshot_append_node (snapshot, self->cache);
  snapshot_focus (self, snapshot);
}

static void
on_focus_changed_cb (ScChartWidget *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GObject */

static void
sc_chart_widget_dispose (GObject *object)
{
  ScChartWidget *self = (ScChartWidget *)object;

  g_clear_pointer (&self->menu, gtk_widget_unparent);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_vadjustment_changed_cb, self);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (sc_chart_widget_parent_class)->dispose (object);
}

static void
sc_chart_widget_finalize (GObject *object)
{
  ScChartWidget *self = (ScChartWidget *)object;

  g_clear_pointer (&self->cache, gsk_render_node_unref);
  g_clear_pointer (&self->chart, sc_chart_unref);

  G_OBJECT_CLASS (sc_chart_widget_parent_class)->finalize (object);
}

static void
sc_chart_widget_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  ScChartWidget *self = SC_CHART_WIDGET (widget);

  gtk_popover_present (GTK_POPOVER (self->menu));
}

static void
sc_chart_widget_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ScChartWidget *self = SC_CHART_WIDGET (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_boxed (value, self->chart);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_chart_widget_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ScChartWidget *self = SC_CHART_WIDGET (object);

  switch (prop_id)
    {
    case PROP_CHART:
      sc_chart_widget_set_chart (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_chart_widget_class_init (ScChartWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_chart_widget_dispose;
  object_class->finalize = sc_chart_widget_finalize;
  object_class->get_property = sc_chart_widget_get_property;
  object_class->set_property = sc_chart_widget_set_property;
  widget_class->snapshot = sc_chart_widget_snapshot;
  widget_class->map = sc_chart_widget_map;
  widget_class->unmap = sc_chart_widget_unmap;
  widget_class->size_allocate = sc_chart_widget_size_allocate;

  properties [PROP_CHART] =
    g_param_spec_boxed ("chart", NULL, NULL,
                        SC_TYPE_CHART,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ScChartWidget::point-activated:
   * @partner: (nullable): the point's partner
   * @kpi: (nullable): the point's KPI
   * @period: the point's period, or %SC_PERIOD_NONE
   *
   * A point was clicked, or chosen with Enter: the window offers to
   * annotate that partner, KPI and period.
   */
  signals [POINT_ACTIVATED] =
    g_signal_new ("point-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, SC_TYPE_PARTNER, SC_TYPE_KPI, G_TYPE_INT);

  gtk_widget_class_install_action (widget_class, "chart.export", "s", export_action);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static GMenuModel *
create_menu (void)
{
  GMenu *menu = g_menu_new ();

  g_menu_append (menu, _("Export as _PNG…"), "chart.export::png");
  g_menu_append (menu, _("Export as _SVG…"), "chart.export::svg");
  g_menu_append (menu, _("Export as P_DF…"), "chart.export::pdf");
  return G_MENU_MODEL (menu);
}

static void
sc_chart_widget_init (ScChartWidget *self)
{
  g_autoptr(GMenuModel) model = create_menu ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->focus_index = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self), 160, 100);

  self->menu = gtk_popover_menu_new_from_model (model);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
  gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_focus_changed_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Public API */

GtkWidget *
sc_chart_widget_new (void)
{
  return g_object_new (SC_TYPE_CHART_WIDGET, NULL);
}

ScChart *
sc_chart_widget_get_chart (ScChartWidget *self)
{
  g_return_val_if_fail (SC_IS_CHART_WIDGET (self), NULL);

  return self->chart;
}

/* Shows @chart (a reference is taken); NULL shows nothing. */
/* Where point @index of the chart is drawn, in the widget's coordinates. */
gboolean
sc_chart_widget_get_point_position (ScChartWidget    *self,
                                    guint             index,
                                    graphene_point_t *point)
{
  ScChartHit hit;

  g_return_val_if_fail (SC_IS_CHART_WIDGET (self), FALSE);
  g_return_val_if_fail (point != NULL, FALSE);

  if (index > G_MAXINT || !get_point (self, (int) index, &hit))
    return FALSE;
  point->x = hit.x;
  point->y = hit.y;
  return TRUE;
}

/* Draws the chart again after its data changed in place (for example
 * sc_chart_set_highlight()).
 */
void
sc_chart_widget_chart_changed (ScChartWidget *self)
{
  g_return_if_fail (SC_IS_CHART_WIDGET (self));

  update_accessible (self);
  invalidate (self);
}

void
sc_chart_widget_set_chart (ScChartWidget *self,
                           ScChart       *chart)
{
  g_return_if_fail (SC_IS_CHART_WIDGET (self));

  if (self->chart == chart)
    return;

  g_clear_pointer (&self->chart, sc_chart_unref);
  self->chart = chart ? sc_chart_ref (chart) : NULL;
  self->focus_index = -1;
  update_accessible (self);
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CHART]);
}

/* Private API for tests: the part of a tall chart drawn by the last
 * snapshot
 */
void
sc_chart_widget_get_drawn_range (ScChartWidget *self,
                                 int           *top,
                                 int           *bottom)
{
  g_return_if_fail (SC_IS_CHART_WIDGET (self));

  *top = self->cache != NULL ? self->cache_top : 0;
  *bottom = self->cache != NULL ? self->cache_bottom : 0;
}
