/**
 * The SevenRooms API's records and envelopes as TypeScript types, generated from
 * openapi/sevenrooms.yaml (`paths`, `operations`, `components` are openapi-typescript's full output;
 * the aliases name the records integration code handles most).
 */
import type { components } from './spec/generated-types.js';
import type { components as controlComponents } from './spec/generated-control-types.js';

export type { components, operations, paths, webhooks } from './spec/generated-types.js';
export type {
  components as ControlComponents,
  operations as ControlOperations,
  paths as ControlPaths,
} from './spec/generated-control-types.js';

type Schemas = components['schemas'];
export type Venue = Schemas['Venue'];
export type ConciergeVenue = Schemas['ConciergeVenue'];
export type Shift = Schemas['Shift'];
export type Timeslot = Schemas['Timeslot'];
export type AvailabilityDay = Schemas['AvailabilityDay'];
export type Reservation = Schemas['Reservation'];
export type BookResult = Schemas['BookResult'];
export type Hold = Schemas['Hold'];
export type Client = Schemas['Client'];
export type WaitlistEntry = Schemas['WaitlistEntry'];
export type Charge = Schemas['Charge'];
export type Tag = Schemas['Tag'];
export type AuthToken = Schemas['AuthToken'];
export type ErrorEnvelope = Schemas['ErrorEnvelope'];
export type WebhookEvent = Schemas['WebhookEvent'];
export type ReservationWebhookEvent = Schemas['ReservationWebhookEvent'];
export type ClientWebhookEvent = Schemas['ClientWebhookEvent'];
/** A state snapshot from `GET /_mock/state`, as `PUT /_mock/state` takes it back. */
export type StateSnapshot = controlComponents['schemas']['Snapshot'];
/** One request the mock's journal kept. */
export type JournalEntry = controlComponents['schemas']['JournalEntry'];
/** A fault rule (see docs/decisions/0004). */
export type FaultRule = controlComponents['schemas']['FaultRule'];
