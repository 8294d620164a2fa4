import { requireConcierge, venueOfConcierge } from '../auth/scope.js';
import {
  categoriesForConcierge,
  categoryForConcierge,
  unitsLeft,
  upgradeInCategory,
} from '../domain/upgrades.js';
import type { Upgrade } from '../domain/pricing-model.js';
import { renderUpgrade, renderUpgradeCategory } from '../render/upgrade.js';
import type { Store } from '../store/store.js';
import { ok, str, type HandlerTable } from './context.js';
import { calendarDate } from './params.js';

const pricingOf = (store: Store, venueId: string) => store.catalog.venues.get(venueId)?.pricing ?? null;

export const conciergeUpgradeHandlers = {
  listUpgradeCategories({ c, rt, params, query, credential }) {
    const concierge = requireConcierge(rt.store, credential, params.concierge_id!);
    const venueId = str(query, 'venue_id');
    if (venueId !== undefined) venueOfConcierge(rt.store, concierge, venueId);
    const categories = categoriesForConcierge(rt.store, concierge, venueId);
    return ok(c, {
      upgrade_categories: categories.map((cat) =>
        renderUpgradeCategory(cat, pricingOf(rt.store, cat.venueId)),
      ),
    });
  },

  getUpgradeCategory({ c, rt, params, credential }) {
    const concierge = requireConcierge(rt.store, credential, params.concierge_id!);
    const category = categoryForConcierge(rt.store, concierge, params.upgrade_category_id!);
    return ok(c, {
      upgrade_category: renderUpgradeCategory(category, pricingOf(rt.store, category.venueId)),
    });
  },

  listUpgrades({ c, rt, params, query, credential }) {
    const concierge = requireConcierge(rt.store, credential, params.concierge_id!);
    const category = categoryForConcierge(rt.store, concierge, params.upgrade_category_id!);
    const date = calendarDate(query, 'date', true);
    const left = (u: Upgrade) => (date === undefined ? null : unitsLeft(rt.store, u, date));
    return ok(c, { upgrades: category.upgrades.map((u) => renderUpgrade(u, left(u))) });
  },

  getUpgrade({ c, rt, params, query, credential }) {
    const concierge = requireConcierge(rt.store, credential, params.concierge_id!);
    const category = categoryForConcierge(rt.store, concierge, params.upgrade_category_id!);
    const upgrade = upgradeInCategory(category, params.upgrade_id!);
    const date = calendarDate(query, 'date', true);
    return ok(c, {
      upgrade: renderUpgrade(upgrade, date === undefined ? null : unitsLeft(rt.store, upgrade, date)),
    });
  },
} satisfies HandlerTable;
