import type { Venue } from './model.js';
import type { Pricing } from './pricing-model.js';
import type { UpgradeLine } from './upgrades.js';

/**
 * Prices of a reservation and its upgrades from the venue's fixture, computed in whole cents so
 * every figure is exact and sums add up. The rules follow the reference's own examples: service
 * charge on the subtotal; tax on the subtotal plus the service charge; gratuity on the subtotal.
 */
export interface UpgradeQuote {
  line: UpgradeLine;
  subtotal: number;
  serviceChargePct: number;
  serviceCharge: number;
  taxPct: number;
  /** Tax on the upgrade's own price. */
  tax: number;
  /** Tax on the upgrade's service charge. */
  serviceChargeTax: number;
  gratuityPct: number;
  gratuity: number;
  total: number;
}

export interface Quote {
  pricing: Pricing | null;
  partySize: number;
  /** True when the party pays for the reservation itself (the venue prices it and the party is big enough). */
  charged: boolean;
  subtotal: number;
  serviceCharge: number;
  tax: number;
  gratuity: number;
  upgrades: UpgradeQuote[];
  /** Sums over the reservation and its upgrades. */
  totals: { upgradeCost: number; serviceCharge: number; tax: number; gratuity: number; totalSpend: number };
}

const pct = (cents: number, percent: number) => Math.round((cents * percent) / 100);
const cents = (amount: number) => Math.round(amount * 100);

/** Prices a party of `partySize` at `venue` with `lines` of upgrades. All amounts are cents. */
export function quote(venue: Venue, partySize: number, lines: readonly UpgradeLine[]): Quote {
  const pricing = venue.pricing;
  const charged = pricing !== null && partySize >= pricing.ccPartySizeMin;
  const subtotal = !charged
    ? 0
    : pricing.chargeType === 'person'
      ? cents(pricing.cost) * partySize
      : cents(pricing.cost);
  const serviceCharge = pct(subtotal, pricing?.serviceChargePercentage ?? 0);
  const tax = pct(subtotal + serviceCharge, pricing?.taxPercentage ?? 0);
  const gratuity = pct(subtotal, pricing?.gratuityPercentage ?? 0);
  const upgrades = lines.map((line) => quoteUpgrade(line, pricing));
  const sum = (pick: (u: UpgradeQuote) => number) => upgrades.reduce((s, u) => s + pick(u), 0);
  const totals = {
    upgradeCost: sum((u) => u.subtotal),
    serviceCharge: serviceCharge + sum((u) => u.serviceCharge),
    tax: tax + sum((u) => u.tax + u.serviceChargeTax),
    gratuity: gratuity + sum((u) => u.gratuity),
    totalSpend: 0,
  };
  totals.totalSpend = subtotal + totals.upgradeCost + totals.serviceCharge + totals.tax + totals.gratuity;
  return { pricing, partySize, charged, subtotal, serviceCharge, tax, gratuity, upgrades, totals };
}

function quoteUpgrade(line: UpgradeLine, pricing: Pricing | null): UpgradeQuote {
  const { category } = line;
  const subtotal = cents(line.upgrade.price) * line.quantity;
  const serviceChargePct = category.isChargingServiceCharge ? (pricing?.serviceChargePercentage ?? 0) : 0;
  const taxPct = category.isChargingTax ? (pricing?.taxPercentage ?? 0) : 0;
  const gratuityPct = category.isChargingGratuity ? (pricing?.gratuityPercentage ?? 0) : 0;
  const serviceCharge = pct(subtotal, serviceChargePct);
  const tax = pct(subtotal, taxPct);
  const serviceChargeTax = pct(serviceCharge, taxPct);
  const gratuity = pct(subtotal, gratuityPct);
  return {
    line,
    subtotal,
    serviceChargePct,
    serviceCharge,
    taxPct,
    tax,
    serviceChargeTax,
    gratuityPct,
    gratuity,
    total: subtotal + serviceCharge + tax + serviceChargeTax + gratuity,
  };
}
