import { makeTag } from '../domain/tags.js';
import type { ClientTagCategory } from '../domain/model.js';

/**
 * A client tag category in the reference's shape. `color_hex` is the colour the mock gives the
 * category on every tag of a client (domain/tags.ts), so the two always agree.
 */
export function renderTagCategory(
  venueGroupId: string,
  category: ClientTagCategory,
  sortOrder: number,
): Record<string, unknown> {
  return {
    id: category.id,
    name: category.name,
    name_display: category.name,
    color_hex: makeTag(`${category.name}:x`).color,
    tags: category.tags,
    tag_name_displays: null,
    domain: 'VenueGroupClient',
    entity_key: venueGroupId,
    privacy: 'PUBLIC',
    type: 1,
    vip: category.isVip ? 1 : 0,
    sort_order: sortOrder,
    deleted: false,
    disabled: 0,
    copied_from: null,
    followers: [],
    is_autotag: false,
    is_deletable: true,
    is_editable: true,
    is_for_marketing_segmentation: false,
    is_hot_reservation: 0,
    is_pod_tag: false,
    is_required: false,
    is_restricted: 0,
    is_source: 0,
    notes_by_tag: null,
    perks_by_tag: null,
    pod_ids: [],
    pods: [],
    show_chit: 1,
    show_custom_tags_on_widget: 0,
    show_reservation: 1,
  };
}
