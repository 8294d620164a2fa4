import type { Quote } from '../domain/prices.js';
import { maxQuantity, minQuantity } from '../domain/upgrades.js';

const units = (cents: number) => cents / 100;

/**
 * `calculate_prices`' `data`, amounts in the venue's currency. `remaining` gives the units of each
 * upgrade still for sale on the date (null for no limit), which caps `maximum_quantity_allowed`.
 */
export function renderQuote(
  quote: Quote,
  accessPersistentId: string,
  remaining: (upgradeId: string) => number | null,
): Record<string, unknown> {
  const { pricing } = quote;
  return {
    access_persistent_id: accessPersistentId,
    party_size: quote.partySize,
    charge_type: pricing?.chargeType ?? null,
    cc_payment_rule: pricing?.ccPaymentRule ?? null,
    require_credit_card: quote.charged,
    apply_service_charge: (pricing?.serviceChargePercentage ?? 0) > 0,
    service_charge_type: 'DEFAULT_SERVICE_CHARGE',
    apply_gratuity_charge: (pricing?.gratuityPercentage ?? 0) > 0,
    gratuity_type: pricing?.gratuityType ?? null,
    reservation_subtotal: units(quote.subtotal),
    reservation_service_charge: units(quote.serviceCharge),
    reservation_tax: units(quote.tax),
    reservation_gratuity: units(quote.gratuity),
    total_costs: {
      reservation_subtotal: units(quote.subtotal),
      upgrade_cost: units(quote.totals.upgradeCost),
      service_charge: units(quote.totals.serviceCharge),
      tax: units(quote.totals.tax),
      gratuity: units(quote.totals.gratuity),
      total_spend: units(quote.totals.totalSpend),
    },
    upsells: quote.upgrades.map((u) => {
      const { upgrade, category, quantity } = u.line;
      const categoryMax = maxQuantity(category, quote.partySize);
      const left = remaining(upgrade.id);
      const min = minQuantity(category, quote.partySize);
      return {
        upgrade_id: upgrade.id,
        name: upgrade.name,
        description: upgrade.description,
        category: category.name,
        category_id: category.id,
        quantity,
        base_price: upgrade.price,
        upgrade_price: upgrade.price,
        subtotal: units(u.subtotal),
        service_charge_pct: u.serviceChargePct,
        service_charge: units(u.serviceCharge),
        upgrade_service_charge: units(u.serviceCharge),
        tax_pct: u.taxPct,
        tax: units(u.tax + u.serviceChargeTax),
        upgrade_tax: units(u.tax),
        upgrade_service_charge_tax: units(u.serviceChargeTax),
        gratuity_pct: u.gratuityPct,
        gratuity: units(u.gratuity),
        upgrade_gratuity: units(u.gratuity),
        total_cost: units(u.total),
        total_upgrade_cost: units(u.total),
        minimum_quantity_required: min > 0 ? min : null,
        maximum_quantity_allowed:
          categoryMax === null ? left : left === null ? categoryMax : Math.min(categoryMax, left),
        tags: null,
      };
    }),
  };
}
