/**
 * Where the book form's profile and bookkeeping fields land (docs/decisions/0009-book-fields.md):
 * client fields on the client record, reservation fields on the reservation, `send_*` flags as
 * recorded notifications, and the fields the mock cannot honour kept as sent. The slot, table,
 * status and tag fields are handled by the booking itself (reservations.ts).
 */
import { badRequest } from '../errors.js';
import type { components } from '../spec/generated-types.js';
import type {
  ClientRecord,
  CustomFieldValue,
  NotificationRecord,
  ReservationRecord,
} from '../store/records.js';

type BookFields = components['schemas']['BookReservationFields'];

/**
 * Documented fields the mock validates and keeps on the stored reservation (`recordedFields`, seen in
 * a state snapshot) but does not act on, with the reason. Secrets are kept but never rendered.
 */
export const RECORDED_ONLY_FIELDS: Readonly<Record<string, string>> = {
  slot_option_id: 'slot options (paid or alternative versions of a slot) are not modelled',
  system_class: 'the meaning of the values is not public',
  card_token: 'no card is charged; kept, never echoed',
  source_first_name: 'how SevenRooms shows a booking’s source person is not public',
  source_last_name: 'how SevenRooms shows a booking’s source person is not public',
  source_email: 'how SevenRooms shows a booking’s source person is not public',
  source_phone: 'how SevenRooms shows a booking’s source person is not public',
};

/** The client-profile changes a booking form asks for (create or update), or an empty patch. */
export function clientPatchFrom(
  input: BookFields,
  client: ClientRecord,
  venueId: string,
  nowMs: number,
): Partial<ClientRecord> {
  const patch: Partial<ClientRecord> = {};
  const text = (name: keyof BookFields) => {
    const value = input[name];
    return typeof value === 'string' ? value.trim() : undefined;
  };
  if (text('salutation') !== undefined) patch.salutation = text('salutation')!;
  if (text('address') !== undefined) patch.address = text('address')!;
  if (text('address_2') !== undefined) patch.address2 = text('address_2')!;
  if (text('city') !== undefined) patch.city = text('city')!;
  if (text('state') !== undefined) patch.state = text('state')!;
  if (text('postal_code') !== undefined) patch.postalCode = text('postal_code')!;
  if (text('country') !== undefined) patch.country = text('country')!;
  if (text('loyalty_id') !== undefined) patch.loyaltyId = text('loyalty_id')!;
  if (text('loyalty_tier') !== undefined) patch.loyaltyTier = text('loyalty_tier')!;
  if (input.loyalty_rank !== undefined) patch.loyaltyRank = Number(input.loyalty_rank);
  if (input.birthday !== undefined) {
    const { month, day } = monthDay('birthday', input.birthday);
    Object.assign(patch, { birthdayMonth: month, birthdayDay: day });
  }
  if (input.anniversary !== undefined) {
    const { month, day } = monthDay('anniversary', input.anniversary);
    Object.assign(patch, { anniversaryMonth: month, anniversaryDay: day });
  }
  if (input.venue_group_marketing_opt_in !== undefined) {
    patch.marketingOptIn = input.venue_group_marketing_opt_in;
    if (input.venue_group_marketing_opt_in && !client.marketingOptIn) patch.marketingOptInMs = nowMs;
  }
  if (input.venue_marketing_opt_in !== undefined) {
    patch.venueMarketingOptIn = { ...client.venueMarketingOptIn, [venueId]: input.venue_marketing_opt_in };
  }
  let fields = client.customFields ?? [];
  for (const name of ['client_custom_fields_args', 'client_custom_unindexed'] as const) {
    if (input[name] === undefined) continue;
    fields = mergeCustomFields(fields, parseCustomFields(name, input[name]));
    patch.customFields = fields;
  }
  return changedOnly(patch, client);
}

/** The reservation-side bookkeeping a booking form asks for: custom fields, min price, opt-in, messages, recorded fields. */
export function reservationPatchFrom(
  input: BookFields,
  record: Pick<
    ReservationRecord,
    'customFields' | 'notifications' | 'recordedFields' | 'email' | 'phone'
  > | null,
  nowMs: number,
): Partial<ReservationRecord> {
  const patch: Partial<ReservationRecord> = {};
  let fields = record?.customFields ?? [];
  for (const name of ['custom_fields', 'custom_unindexed'] as const) {
    if (input[name] === undefined) continue;
    fields = mergeCustomFields(fields, parseCustomFields(name, input[name]));
    patch.customFields = fields;
  }
  if (input.min_price !== undefined) patch.minPrice = Number(input.min_price);
  if (input.reservation_sms_opt_in !== undefined) patch.reservationSmsOptIn = input.reservation_sms_opt_in;

  const email = input.email ?? record?.email ?? null;
  const phone = input.phone ?? record?.phone ?? null;
  const asked: NotificationRecord[] = [];
  const ask = (flag: boolean | undefined, kind: NotificationRecord['kind'], channel: 'email' | 'sms') => {
    if (flag) asked.push({ kind, channel, to: channel === 'email' ? email : phone, requestedMs: nowMs });
  };
  const first = record === null ? 'confirmation' : 'update';
  ask(input.send_client_email, first, 'email');
  ask(input.send_client_sms, first, 'sms');
  ask(input.send_reminder_email, 'reminder', 'email');
  ask(input.send_reminder_sms, 'reminder', 'sms');
  if (asked.length > 0) patch.notifications = [...(record?.notifications ?? []), ...asked];

  const recorded: Record<string, string | number | boolean> = {};
  for (const name of Object.keys(RECORDED_ONLY_FIELDS)) {
    const value = (input as Record<string, unknown>)[name];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      recorded[name] = value;
  }
  if (Object.keys(recorded).length > 0) patch.recordedFields = { ...record?.recordedFields, ...recorded };
  return patch;
}

/** Parses every book field whose format the schema cannot check, throwing the 400 a bad one earns. */
export function checkBookFields(input: BookFields): void {
  if (input.birthday !== undefined) monthDay('birthday', input.birthday);
  if (input.anniversary !== undefined) monthDay('anniversary', input.anniversary);
  for (const name of [
    'custom_fields',
    'custom_unindexed',
    'client_custom_fields_args',
    'client_custom_unindexed',
  ] as const) {
    if (input[name] !== undefined) parseCustomFields(name, input[name]);
  }
}

/** `MM-DD`, `YYYY-MM-DD`, `--MM-DD`, `MM/DD` or `MM/DD/YYYY` → month and day; 400 naming the field otherwise. */
export function monthDay(field: string, value: string): { month: number; day: number } {
  const m =
    /^(?:\d{4}-|--)?(\d{1,2})[-/](\d{1,2})$/.exec(value.trim()) ??
    /^(\d{1,2})\/(\d{1,2})\/\d{4}$/.exec(value.trim());
  const [month, day] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
  const daysIn = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  if (!m || day < 1 || day > daysIn)
    throw badRequest(`${field} must be a month and day such as 04-12 or 1990-04-12; got ${value}`);
  return { month, day };
}

/**
 * A JSON object (`{"occasion":"Birthday"}`) or a comma list of `name:value` pairs; 400 naming the
 * field when it is neither.
 */
export function parseCustomFields(field: string, value: string): CustomFieldValue[] {
  const trimmed = value.trim();
  let pairs: [string, string][];
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw badRequest(`${field} must be a JSON object or a comma list of name:value pairs`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw badRequest(`${field} must be a JSON object or a comma list of name:value pairs`);
    pairs = Object.entries(parsed as Record<string, unknown>).map(([k, v]) => [
      k,
      typeof v === 'string' ? v : JSON.stringify(v),
    ]);
  } else {
    pairs = trimmed
      .split(',')
      .filter((part) => part.trim() !== '')
      .map((part) => {
        const at = part.indexOf(':');
        if (at <= 0) throw badRequest(`${field}: "${part.trim()}" is not a name:value pair`);
        return [part.slice(0, at).trim(), part.slice(at + 1).trim()];
      });
  }
  if (pairs.length > 50) throw badRequest(`${field} may hold at most 50 custom fields`);
  return pairs.map(([name, v], index) => ({
    system_name: name.toLowerCase().replace(/[^a-z0-9]+/g, '_'),
    name,
    value: v,
    display_order: index,
  }));
}

/** Later values replace earlier ones with the same system name; new ones go last, in order. */
function mergeCustomFields(current: CustomFieldValue[], next: CustomFieldValue[]): CustomFieldValue[] {
  const merged = current.filter((f) => !next.some((n) => n.system_name === f.system_name));
  return [...merged, ...next].map((f, index) => ({ ...f, display_order: index }));
}

/** Drops patch entries that would not change the record, so an update with no news emits no event. */
function changedOnly<T extends object>(patch: Partial<T>, current: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(patch) as [keyof T, T[keyof T]][]) {
    if (JSON.stringify(value) !== JSON.stringify(current[key] ?? null)) out[key] = value;
  }
  return out;
}

/** The cancellation email `send_client_email` asks for on a cancel (recorded, never sent). */
export function cancellationNotice(
  record: Pick<ReservationRecord, 'email'>,
  nowMs: number,
): NotificationRecord {
  return { kind: 'cancellation', channel: 'email', to: record.email, requestedMs: nowMs };
}
