/* sc-reviews-section.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The review meetings of the partner shown on the scorecard page, newest
 * first, with "New Review"; a row opens the review in its own window
 * (sc-review-window.c).
 */

#define G_LOG_DOMAIN "sc-reviews-section"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-review-edit.h"
#include "sc-review-window.h"
#include "sc-reviews-section.h"
#include "sc-window-private.h"

struct _ScReviewsSection
{
  GtkWidget   parent_instance;

  /* Template widgets */
  GtkWidget  *box;
  GtkListBox *list;

  /* Owned state */
  ScWorkbook *book;
  ScPartner  *partner;
  GPtrArray  *reviews;       /* ScReview, in the list's order */
  ScRollup    view;
  guint       refresh_source;
};

G_DEFINE_FINAL_TYPE (ScReviewsSection, sc_reviews_section, GTK_TYPE_WIDGET)

static ScUndoStack *
get_undo_stack (ScReviewsSection *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return SC_IS_WINDOW (root) ? sc_window_get_undo_stack (SC_WINDOW (root)) : NULL;
}

static char *
dup_subtitle (ScReviewsSection *self,
              ScReview         *review)
{
  g_autoptr(GPtrArray) actions = sc_workbook_dup_review_actions (self->book, review);
  ScReviewSnapshot *snapshot = sc_review_get_snapshot (review);
  guint n_open = 0;

  for (guint i = 0; i < actions->len; i++)
    n_open += sc_issue_get_status (g_ptr_array_index (actions, i)) < SC_ISSUE_RESOLVED;
  /* Translators: under a review's date: its state, open and all action items */
  return g_strdup_printf (ngettext ("%1$s · %2$u of %3$u action item open%4$s",
                                    "%1$s · %2$u of %3$u action items open%4$s", actions->len),
                          sc_review_state_get_label (sc_review_get_state (review)), n_open, actions->len,
                          snapshot ? _(" · figures frozen") : "");
}

static GtkWidget *
make_row (ScReviewsSection *self,
          ScReview         *review)
{
  g_autofree char *date = sc_review_format_date (sc_review_get_date (review), TRUE);
  g_autofree char *subtitle = dup_subtitle (self, review);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
refresh (ScReviewsSection *self)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->list, 0)) != NULL)
    gtk_list_box_remove (self->list, GTK_WIDGET (row));
  g_clear_pointer (&self->reviews, g_ptr_array_unref);
  if (self->book == NULL || self->partner == NULL)
    return;
  self->reviews = sc_workbook_dup_partner_reviews (self->book, self->partner);
  /* Newest first */
  for (guint i = 0; i < self->reviews->len / 2; i++)
    {
      gpointer tmp = self->reviews->pdata[i];

      self->reviews->pdata[i] = self->reviews->pdata[self->reviews->len - 1 - i];
      self->reviews->pdata[self->reviews->len - 1 - i] = tmp;
    }
  for (guint i = 0; i < self->reviews->len; i++)
    gtk_list_box_append (self->list, make_row (self, g_ptr_array_index (self->reviews, i)));
}

static gboolean
refresh_cb (gpointer data)
{
  ScReviewsSection *self = data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Many changes (an import) make one refresh, when the window is idle. */
static void
on_book_changed_cb (ScReviewsSection *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_cb, self);
}

static void
open_review (ScReviewsSection *self,
             ScReview         *review)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_window_present (sc_review_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                            self->book, get_undo_stack (self), review));
}

static void
on_row_activated_cb (ScReviewsSection *self,
                     GtkListBoxRow    *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (self->reviews != NULL && index >= 0 && (guint) index < self->reviews->len)
    open_review (self, g_ptr_array_index (self->reviews, index));
}

/* A new review dated today, over the view the page shows. */
static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  ScReviewsSection *self = SC_REVIEWS_SECTION (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(ScReview) review = NULL;

  if (self->book == NULL || self->partner == NULL)
    return;
  review = sc_review_create (self->book, self->partner, today, &self->view);
  sc_review_edit_add (get_undo_stack (self), self->book, review);
  open_review (self, review);
}

static void
sc_reviews_section_dispose (GObject *object)
{
  ScReviewsSection *self = (ScReviewsSection *)object;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->reviews, g_ptr_array_unref);
  g_clear_object (&self->book);
  g_clear_object (&self->partner);

  G_OBJECT_CLASS (sc_reviews_section_parent_class)->dispose (object);
}

static void
sc_reviews_section_class_init (ScReviewsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_reviews_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/scorecards/Scorecards/sc-reviews-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ScReviewsSection, box);
  gtk_widget_class_bind_template_child (widget_class, ScReviewsSection, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_install_action (widget_class, "reviews.new", NULL, new_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sc_reviews_section_init (ScReviewsSection *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  placeholder = gtk_label_new (_("No review meetings with this partner yet"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->list, placeholder);
  self->view.kind = SC_ROLLUP_PERIOD;
  self->view.anchor = SC_PERIOD_NONE;
}

/* Public API */

GtkWidget *
sc_reviews_section_new (void)
{
  return g_object_new (SC_TYPE_REVIEWS_SECTION, NULL);
}

/* Lists @partner's reviews in @book; "New Review" scores @view. */
void
sc_reviews_section_set_partner (ScReviewsSection *self,
                                ScWorkbook       *book,
                                ScPartner        *partner,
                                const ScRollup   *view)
{
  g_return_if_fail (SC_IS_REVIEWS_SECTION (self));

  if (self->book != book)
    {
      if (self->book != NULL)
        g_signal_handlers_disconnect_by_data (self->book, self);
      g_set_object (&self->book, book);
      if (book != NULL)
        g_signal_connect_object (book, "changed", G_CALLBACK (on_book_changed_cb), self,
                                 G_CONNECT_SWAPPED);
    }
  g_set_object (&self->partner, partner);
  if (view != NULL)
    self->view = *view;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reviews.new", book != NULL && partner != NULL);
  refresh (self);
}

GtkListBox *
sc_reviews_section_get_list (ScReviewsSection *self)
{
  g_return_val_if_fail (SC_IS_REVIEWS_SECTION (self), NULL);
  return self->list;
}
