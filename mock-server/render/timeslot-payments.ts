import type { Venue } from '../domain/model.js';
import { quote } from '../domain/prices.js';

const units = (cents: number) => cents / 100;

/**
 * A timeslot's `payments`: what the party would pay, from the venue's price list, in the shape of the
 * reference's timeslot example (amounts in the venue's currency, rates in percent). Null when the
 * venue sets no price or the party size is unknown.
 */
export function renderTimeslotPayments(
  venue: Venue,
  partySize: number | undefined,
): Record<string, unknown> | null {
  const pricing = venue.pricing;
  if (!pricing || partySize === undefined) return null;
  const priced = quote(venue, partySize, []);
  return {
    charge_type: pricing.chargeType,
    cost: pricing.cost,
    cc_payment_rule: pricing.ccPaymentRule,
    cc_party_size_min: pricing.ccPartySizeMin,
    require_credit_card: priced.charged,
    subtotal: units(priced.subtotal),
    apply_service_charge: pricing.serviceChargePercentage > 0,
    service_charge: pricing.serviceChargePercentage,
    service_charge_amt: units(priced.serviceCharge),
    tax_rate: pricing.taxPercentage,
    tax_amt: units(priced.tax),
    pregratuity_total: units(priced.subtotal + priced.serviceCharge + priced.tax),
    apply_gratuity_charge: pricing.gratuityPercentage > 0,
    gratuity_type: pricing.gratuityType,
    gratuity: pricing.gratuityPercentage,
    default_gratuity: pricing.gratuityPercentage,
    mandated_gratuity_amt: units(priced.gratuity),
    require_gratuity_charge: false,
  };
}

/** A concierge venue's `payments`: the (mock) Stripe account a card form is built against. */
export function renderVenuePaymentAccount(venue: Venue): Record<string, unknown> | null {
  if (!venue.pricing) return null;
  const key = venue.key.replace(/[^a-z0-9]/g, '');
  return {
    account_id: `acct_mock${key}`,
    payment_system: 'STRIPE',
    sevenrooms_public_key: `pk_test_sevenroomsmock${key}`,
  };
}
