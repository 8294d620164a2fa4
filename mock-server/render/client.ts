import { formatNaiveIso } from '../domain/time.js';
import type { ClientRecord } from '../store/records.js';
import { renderClientPhoto } from './client-photo.js';
import { averageRating, renderVenueStats } from './client-stats.js';

/** A client (guest) exactly as the API returns it, totals derived from the per-venue statistics. */
export function renderClient(c: ClientRecord): Record<string, unknown> {
  let visits = 0;
  let covers = 0;
  let spend = 0;
  let cancelations = 0;
  let noshows = 0;
  let lastVisit: string | null = null;
  for (const s of Object.values(c.venueStats)) {
    visits += s.total_visits;
    covers += s.total_covers;
    spend += s.total_spend;
    cancelations += s.total_cancelations;
    noshows += s.total_noshows;
    if (s.last_visit_date && (!lastVisit || s.last_visit_date > lastVisit)) lastVisit = s.last_visit_date;
  }
  const round2 = (n: number) => Math.round(n * 100) / 100;
  return {
    id: c.id,
    venue_group_id: c.venueGroupId,
    created: formatNaiveIso(c.createdMs),
    updated: formatNaiveIso(c.updatedMs),
    deleted: null,
    first_name: c.firstName,
    last_name: c.lastName,
    salutation: c.salutation,
    title: c.title,
    gender: c.gender,
    company: c.company,
    email: c.email,
    email_alt: null,
    phone_number: c.phone,
    phone_number_locale: c.phoneLocale,
    phone_number_alt: null,
    phone_number_alt_locale: null,
    address: c.address,
    address_2: c.address2 ?? null,
    city: c.city,
    state: c.state,
    postal_code: c.postalCode,
    country: c.country,
    birthday_day: c.birthdayDay,
    birthday_month: c.birthdayMonth,
    birthday_alt_day: null,
    birthday_alt_month: null,
    anniversary_day: c.anniversaryDay,
    anniversary_month: c.anniversaryMonth,
    client_tags: c.clientTags,
    tags: c.clientTags.map((t) => t.tag_display),
    notes: c.notes,
    private_notes: c.privateNotes ?? null,
    status: 'ACTIVE',
    is_contact_private: false,
    is_one_time_guest: visits + cancelations + noshows <= 1,
    marketing_opt_in: c.marketingOptIn,
    marketing_opt_in_ts: c.marketingOptInMs === null ? null : formatNaiveIso(c.marketingOptInMs),
    venue_marketing_opt_in: c.venueMarketingOptIn ?? {},
    has_billing_profile: false,
    reference_code: c.referenceCode,
    external_user_id: c.externalUserId,
    preferred_language_code: c.preferredLanguageCode,
    loyalty_id: c.loyaltyId,
    loyalty_rank: c.loyaltyRank,
    loyalty_tier: c.loyaltyTier,
    member_groups: c.memberGroups ?? [],
    custom_fields: c.customFields ?? [],
    photo: renderClientPhoto(c),
    is_vip: c.isVip,
    total_visits: visits,
    total_covers: covers,
    total_spend: round2(spend),
    total_spend_per_cover: covers > 0 ? round2(spend / covers) : 0,
    total_spend_per_visit: visits > 0 ? round2(spend / visits) : 0,
    total_cancelations: cancelations,
    total_noshows: noshows,
    avg_rating: averageRating(Object.values(c.venueStats)),
    last_visit_date: lastVisit,
    venue_stats: renderVenueStats(c.venueStats),
  };
}
