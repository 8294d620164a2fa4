/**
 * The venue fixture's price list: what a reservation costs and the upgrades (upsells) a booking can
 * add. Built once from the fixture (see fixtures/schema/venues.schema.json); immutable at run time.
 */
export interface Pricing {
  chargeType: 'person' | 'party';
  /** Per guest or per party, in the venue's currency. */
  cost: number;
  ccPaymentRule: 'advanced_payment' | 'save_for_later';
  ccPartySizeMin: number;
  serviceChargePercentage: number;
  taxPercentage: number;
  gratuityPercentage: number;
  gratuityType: 'SPECIFIC_GRATUITY' | 'DEFAULT_GRATUITY' | 'CLIENT_GRATUITY';
}

export type MinQuantityType = 'NONE_REQUIRED' | 'SPECIFIC_NUMBER' | 'NUMBER_OF_GUESTS';
export type MaxQuantityType = 'UNLIMITED' | 'SPECIFIC_NUMBER' | 'NUMBER_OF_GUESTS';

export interface UpgradeCategory {
  id: string;
  venueId: string;
  name: string;
  description: string;
  sortOrder: number;
  minQuantityType: MinQuantityType;
  minQuantityInt: number;
  maxQuantityType: MaxQuantityType;
  maxQuantityInt: number;
  isChargingTax: boolean;
  isChargingServiceCharge: boolean;
  isChargingGratuity: boolean;
  upgrades: readonly Upgrade[];
}

export interface Upgrade {
  id: string;
  categoryId: string;
  venueId: string;
  name: string;
  description: string;
  price: number;
  sortOrder: number;
  /** Units per venue-local date across all bookings; null for no limit. */
  dailyInventory: number | null;
  posItemId: string;
}
