import type { Slot } from '../domain/availability.js';
import type { Venue } from '../domain/model.js';
import {
  formatArrivalTime,
  formatHHMM,
  formatIsoTime,
  formatSlotDateTime,
  formatTimeDisplay,
} from '../domain/time.js';
import { renderTimeslotPayments } from './timeslot-payments.js';

/** One timeslot with every field the Concierge API documents, true to the current state. */
export function renderTimeslot(
  slot: Slot,
  date: string,
  sortOrder: number,
  payments: Record<string, unknown> | null = null,
): Record<string, unknown> {
  const rule = slot.rule;
  return {
    access_persistent_id: rule.persistentId,
    access_rule_id: rule.id,
    shift_persistent_id: slot.shift.persistentId,
    shift_category: slot.shift.category,
    time: formatHHMM(slot.startMin),
    time_iso: formatSlotDateTime(date, slot.startMin),
    time_slot: formatArrivalTime(slot.startMin),
    time_slot_iso: formatIsoTime(slot.startMin),
    time_display: formatTimeDisplay(slot.startMin),
    real_datetime_of_slot: formatSlotDateTime(date, slot.startMin),
    type: 'book',
    duration: slot.durationMin,
    is_held: slot.isHeld,
    is_requestable: false,
    is_exclusive: rule.isExclusive,
    pacing_covers_remaining: slot.coversRemaining,
    min_spend: rule.minSpend,
    requires_credit_card: rule.requiresCreditCard,
    payments,
    booking_policy: rule.bookingPolicy,
    cancellation_policy: rule.cancellationPolicy,
    cancel_cutoff_hour: null,
    cancel_cutoff_num: rule.cancelCutoffHours,
    cancel_cutoff_type: rule.cancelCutoffHours === null ? null : 'HOURS',
    cutoff_hour: null,
    cutoff_num: null,
    cutoff_type: null,
    sort_order: sortOrder,
    experience_id: null,
    upsells: null,
    slot_option_id: null,
    slot_name: rule.name,
    slot_title: slot.shift.name,
  };
}

/** One venue's availability for a date: the documented wrapper around its timeslots. */
export function renderAvailabilityDay(
  venue: Venue,
  date: string,
  slots: readonly Slot[],
  isClosed: boolean,
  renderedVenue: Record<string, unknown> | null,
  partySize?: number,
): Record<string, unknown> {
  const payments = renderTimeslotPayments(venue, partySize);
  const sizes = venue.accessRules.map((r) => [r.partySizeMin, r.partySizeMax] as const);
  const day: Record<string, unknown> = {
    is_closed: isClosed,
    is_empty_code: isClosed ? 'CLOSED' : slots.length === 0 ? 'NO_AVAILABILITY' : null,
    is_previous_version: false,
    request_min_size: Math.min(...sizes.map(([min]) => min)),
    request_max_size: Math.max(...sizes.map(([, max]) => max)),
    should_retry_without_fast: false,
  };
  if (renderedVenue) day.venue = renderedVenue;
  day.timeslots = slots.map((s, i) => renderTimeslot(s, date, i, payments));
  return day;
}
