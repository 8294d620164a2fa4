import type { Pricing, Upgrade, UpgradeCategory } from '../domain/pricing-model.js';

/** An upgrade category in the reference's shape; percentages come from the venue's price list. */
export function renderUpgradeCategory(
  category: UpgradeCategory,
  pricing: Pricing | null,
): Record<string, unknown> {
  return {
    id: category.id,
    venue_id: category.venueId,
    name: category.name,
    advanced_description: category.description,
    advanced_pdr_upgrades: false,
    deleted: null,
    sort_order: category.sortOrder,
    min_quantity_type: category.minQuantityType,
    min_quantity_int: category.minQuantityInt,
    max_quantity_type: category.maxQuantityType,
    max_quantity_int: category.maxQuantityInt,
    max_quantity_allow_multiples: true,
    is_charging_tax: category.isChargingTax,
    is_charging_service_charge: category.isChargingServiceCharge,
    is_charging_gratuity: category.isChargingGratuity,
    require_gratuity_charge: false,
    gratuity_charge_type: 'DEFAULT_GRATUITY',
    gratuity_percentage: category.isChargingGratuity ? (pricing?.gratuityPercentage ?? 0) : null,
    service_charge_type: 'DEFAULT_SERVICE_CHARGE',
    service_charge_percentage: category.isChargingServiceCharge ? (pricing?.serviceChargePercentage ?? 0) : 0,
    show_category_flag: true,
    tax_group_id: null,
    pdr_fees: [],
  };
}

/** An upgrade; `remaining` is what is left on the asked date (null without a date or a limit). */
export function renderUpgrade(upgrade: Upgrade, remaining: number | null): Record<string, unknown> {
  return {
    id: upgrade.id,
    category_id: upgrade.categoryId,
    venue_id: upgrade.venueId,
    name: upgrade.name,
    description: upgrade.description,
    price: upgrade.price,
    is_price_hidden: false,
    sort_order: upgrade.sortOrder,
    pos_item_id: upgrade.posItemId,
    preview_image_url_key: '',
    modifiers_groups_selected: null,
    reservation_tags: [],
    deleted: null,
    daily_inventory: upgrade.dailyInventory,
    remaining_inventory: remaining,
  };
}
