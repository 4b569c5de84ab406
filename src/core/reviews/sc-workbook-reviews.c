/* sc-workbook-reviews.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reviews of a workbook: the list views show, look-ups by id, a
 * partner's reviews in date order and the action items linked to one.
 */

#define G_LOG_DOMAIN "sc-workbook-reviews"

#include "config.h"

#include "sc-review-list-private.h"

struct _ScReviewList
{
  GListStore *reviews;
  GHashTable *by_id;      /* id → ScReview (borrowed) */
};

ScReviewList *
sc_review_list_new (void)
{
  ScReviewList *list = g_new0 (ScReviewList, 1);

  list->reviews = g_list_store_new (SC_TYPE_REVIEW);
  list->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  return list;
}

void
sc_review_list_free (ScReviewList *list)
{
  if (list == NULL)
    return;
  g_clear_pointer (&list->by_id, g_hash_table_unref);
  g_clear_object (&list->reviews);
  g_free (list);
}

static void
on_review_changed_cb (ScWorkbook *book)
{
  sc_workbook_changed (book);
}

GListModel *
sc_workbook_get_reviews (ScWorkbook *self)
{
  g_return_val_if_fail (SC_IS_WORKBOOK (self), NULL);
  return G_LIST_MODEL (sc_workbook_get_review_list (self)->reviews);
}

ScReview *
sc_workbook_lookup_review (ScWorkbook *self,
                           const char *id)
{
  g_return_val_if_fail (SC_IS_WORKBOOK (self), NULL);
  return id ? g_hash_table_lookup (sc_workbook_get_review_list (self)->by_id, id) : NULL;
}

/* Adds @review after the others; FALSE when its id is taken. */
gboolean
sc_workbook_add_review (ScWorkbook *self,
                        ScReview   *review)
{
  return sc_workbook_insert_review (self, G_MAXUINT, review);
}

gboolean
sc_workbook_insert_review (ScWorkbook *self,
                           guint       position,
                           ScReview   *review)
{
  ScReviewList *list;
  guint n;

  g_return_val_if_fail (SC_IS_WORKBOOK (self), FALSE);
  g_return_val_if_fail (SC_IS_REVIEW (review), FALSE);

  list = sc_workbook_get_review_list (self);
  if (g_hash_table_contains (list->by_id, sc_review_get_id (review)))
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (list->reviews));
  g_hash_table_insert (list->by_id, (char *) sc_review_get_id (review), review);
  g_list_store_insert (list->reviews, MIN (position, n), review);
  g_signal_connect_object (review, "notify", G_CALLBACK (on_review_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (review, "changed", G_CALLBACK (on_review_changed_cb), self, G_CONNECT_SWAPPED);
  sc_workbook_changed (self);
  return TRUE;
}

/* Removes @review; its action items stay, as ordinary issues. */
void
sc_workbook_remove_review (ScWorkbook *self,
                           ScReview   *review)
{
  ScReviewList *list;
  guint position;

  g_return_if_fail (SC_IS_WORKBOOK (self));
  g_return_if_fail (SC_IS_REVIEW (review));

  list = sc_workbook_get_review_list (self);
  if (!g_list_store_find (list->reviews, review, &position))
    return;
  g_signal_handlers_disconnect_by_data (review, self);
  g_hash_table_remove (list->by_id, sc_review_get_id (review));
  g_list_store_remove (list->reviews, position);
  sc_workbook_changed (self);
}

void
sc_workbook_remove_partner_reviews (ScWorkbook *self,
                                    ScPartner  *partner)
{
  GListModel *reviews = sc_workbook_get_reviews (self);

  for (guint i = g_list_model_get_n_items (reviews); i > 0; i--)
    {
      g_autoptr(ScReview) review = g_list_model_get_item (reviews, i - 1);

      if (g_strcmp0 (sc_review_get_partner_id (review), sc_partner_get_id (partner)) == 0)
        sc_workbook_remove_review (self, review);
    }
}

/* A fresh review id, "REV-0001" upwards. */
char *
sc_workbook_next_review_id (ScWorkbook *self)
{
  ScReviewList *list;

  g_return_val_if_fail (SC_IS_WORKBOOK (self), NULL);

  list = sc_workbook_get_review_list (self);
  for (guint n = g_hash_table_size (list->by_id) + 1; ; n++)
    {
      g_autofree char *id = g_strdup_printf ("REV-%04u", n);

      if (!g_hash_table_contains (list->by_id, id))
        return g_steal_pointer (&id);
    }
}

static int
compare_reviews (gconstpointer a,
                 gconstpointer b)
{
  return sc_review_compare (*(ScReview **) a, *(ScReview **) b);
}

/* @partner's reviews (references), oldest first. */
GPtrArray *
sc_workbook_dup_partner_reviews (ScWorkbook *self,
                                 ScPartner  *partner)
{
  GListModel *reviews;
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (SC_IS_WORKBOOK (self), found);

  reviews = sc_workbook_get_reviews (self);
  for (guint i = 0; i < g_list_model_get_n_items (reviews); i++)
    {
      g_autoptr(ScReview) review = g_list_model_get_item (reviews, i);

      if (partner == NULL ||
          g_strcmp0 (sc_review_get_partner_id (review), sc_partner_get_id (partner)) == 0)
        g_ptr_array_add (found, g_steal_pointer (&review));
    }
  g_ptr_array_sort (found, compare_reviews);
  return found;
}

/* @partner's review on @date, else (@date NULL) its latest; NULL if none. */
ScReview *
sc_workbook_find_review (ScWorkbook *self,
                         ScPartner  *partner,
                         const char *date)
{
  g_autoptr(GPtrArray) reviews = NULL;

  g_return_val_if_fail (SC_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (SC_IS_PARTNER (partner), NULL);

  reviews = sc_workbook_dup_partner_reviews (self, partner);
  for (guint i = reviews->len; i > 0; i--)
    {
      ScReview *review = g_ptr_array_index (reviews, i - 1);

      if (date == NULL || g_strcmp0 (sc_review_get_date (review), date) == 0)
        return review;
    }
  return NULL;
}

/* The last review of the same partner held (frozen) before @review:
 * the one "since the last review" compares against.
 */
ScReview *
sc_workbook_get_previous_review (ScWorkbook *self,
                                 ScReview   *review)
{
  g_autoptr(GPtrArray) reviews = NULL;
  ScPartner *partner;

  g_return_val_if_fail (SC_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (SC_IS_REVIEW (review), NULL);

  partner = sc_workbook_lookup_partner (self, sc_review_get_partner_id (review));
  if (partner == NULL)
    return NULL;
  reviews = sc_workbook_dup_partner_reviews (self, partner);
  for (guint i = reviews->len; i > 0; i--)
    {
      ScReview *other = g_ptr_array_index (reviews, i - 1);

      if (other != review && sc_review_is_frozen (other) && sc_review_compare (other, review) < 0)
        return other;
    }
  return NULL;
}

/* The issues linked to @review (its action items), in the workbook's order. */
GPtrArray *
sc_workbook_dup_review_actions (ScWorkbook *self,
                                ScReview   *review)
{
  GListModel *issues;
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (SC_IS_WORKBOOK (self), found);
  g_return_val_if_fail (SC_IS_REVIEW (review), found);

  issues = sc_workbook_get_issues (self);
  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(ScIssue) issue = g_list_model_get_item (issues, i);

      if (g_strcmp0 (sc_issue_get_review_id (issue), sc_review_get_id (review)) == 0)
        g_ptr_array_add (found, g_steal_pointer (&issue));
    }
  return found;
}
