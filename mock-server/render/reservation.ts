import type { Catalog } from '../domain/model.js';
import { customStatusLabels } from '../domain/custom-statuses.js';
import { statusDisplay } from '../domain/status.js';
import { renderBookExtras } from './book-extras.js';
import { formatArrivalTime, formatIsoTime, formatNaiveIso, formatSlotDateTime } from '../domain/time.js';
import type { ClientRecord, ReservationRecord } from '../store/records.js';
import { renderPaylink } from './paylink.js';
import { renderReservationOffers } from './reservation-offers.js';
import { renderReservationPos } from './reservation-pos.js';

/**
 * A reservation exactly as the API returns it: every field the public record names, in a fixed
 * order (byte-identical output for identical state), `null` where the mock has nothing to say.
 */
export function renderReservation(
  r: ReservationRecord,
  catalog: Catalog,
  client: ClientRecord | undefined,
): Record<string, unknown> {
  const venue = catalog.venues.get(r.venueId);
  const status = statusDisplay(r.status, customStatusLabels(venue));
  const tableNumbers: string[] = [];
  for (const id of r.tableIds) {
    const table = venue?.tables.find((t) => t.id === id);
    if (table) tableNumbers.push(table.number);
  }
  const area = r.seatingAreaId ? venue?.seatingAreas.find((a) => a.id === r.seatingAreaId) : undefined;
  const concierge = r.conciergeId ? catalog.concierges.get(r.conciergeId) : undefined;
  const pos = renderReservationPos(r, venue, client, tableNumbers);
  return {
    id: r.id,
    reference_code: r.referenceCode,
    venue_id: r.venueId,
    venue_group_id: r.venueGroupId,
    client_id: r.clientId,
    venue_group_client_id: r.clientId,
    client_reference_code: client?.referenceCode ?? null,
    external_id: r.externalId,
    external_client_id: pos.external_client_id,
    external_reference_code: pos.external_reference_code,
    external_user_id: r.externalUserId,
    source_client_id: null,
    user: concierge ? { id: concierge.id, name: concierge.name } : null,
    booked_by: r.bookedBy,
    served_by: pos.served_by,
    paid_by: pos.paid_by,
    reservation_type: r.reservationType,
    access_persistent_id: r.accessPersistentId,
    shift_persistent_id: r.shiftPersistentId,
    shift_category: r.shiftCategory,
    venue_seating_area_id: r.seatingAreaId,
    venue_seating_area_name: area?.name ?? null,
    modify_reservation_link: venue
      ? `https://www.sevenrooms.com/reservations/${String(venue.profile.name ?? venue.key)
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '')}/${r.referenceCode}`
      : null,
    date: r.date,
    arrival_time: formatArrivalTime(r.startMin),
    time_slot_iso: formatIsoTime(r.startMin),
    real_datetime_of_slot: formatSlotDateTime(r.date, r.startMin),
    seated_time: r.seatedTime,
    left_time: r.leftTime,
    duration: r.durationMin,
    created: formatNaiveIso(r.createdMs),
    updated: formatNaiveIso(r.updatedMs),
    deleted: null,
    max_guests: r.partySize,
    arrived_guests: r.arrivedGuests,
    mf_ratio_male: r.mfRatioMale,
    mf_ratio_female: r.mfRatioFemale,
    status: r.status,
    status_display: status.display,
    status_simple: status.simple,
    status_code: status.code,
    table_numbers: tableNumbers,
    tags: r.tags,
    auto_assignments: null,
    problems: null,
    custom_fields: pos.custom_fields,
    notes: r.notes,
    client_requests: r.clientRequests,
    is_vip: client?.isVip ?? false,
    first_name: r.firstName,
    last_name: r.lastName,
    email: r.email,
    phone_number: r.phone,
    address: client?.address ?? null,
    address_2: null,
    city: client?.city ?? null,
    state: client?.state ?? null,
    postal_code: client?.postalCode ?? null,
    country: client?.country ?? null,
    loyalty_id: client?.loyaltyId ?? null,
    loyalty_rank: client?.loyaltyRank ?? null,
    loyalty_tier: client?.loyaltyTier ?? null,
    rating: pos.rating,
    // A min_price sent with the booking wins over the access rule's minimum spend.
    min_price: r.minPrice ?? pos.min_price,
    cost_option: r.costOption,
    comps: pos.comps,
    ...pos.payments,
    pos_tickets: pos.pos_tickets,
    check_numbers: pos.check_numbers,
    booking_policy: null,
    cancellation_policy: null,
    ...renderBookExtras(r),
    payments: (r.paylinks ?? []).map((p) => renderPaylink(p, venue)),
    ...renderReservationOffers(r, venue),
  };
}
