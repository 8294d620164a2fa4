import type { ContractViolation, Exchange } from '../validate/types.js';

/** Values for a query string or form body; `undefined` entries are left out. */
export type ParamRecord = Record<string, string | number | boolean | undefined>;

/** What a suite step asks a target to send. Paths are spec paths (`/venues/{id}` filled in), no prefix. */
export interface TargetRequest {
  query?: ParamRecord;
  /** Sent as `application/x-www-form-urlencoded`. */
  form?: ParamRecord;
  headers?: Record<string, string>;
  /** A raw body, used instead of `form` (the Prism tap forwards bodies verbatim). */
  body?: string;
}

/** What came back, exactly as received. */
export interface TargetResponse {
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  bodyText: string;
  /** The full URL that was requested, prefix included. */
  url: string;
  /**
   * Set when something in front of the target (the Prism proxy) answered instead of it; the step is
   * then reported as skipped with this reason rather than judged.
   */
  intercepted?: string;
}

/** Something the suite can run against: the in-process mock, a URL, or the real SevenRooms API. */
export interface Target {
  name: string;
  kind: 'mock' | 'real';
  fetch(method: string, path: string, request?: TargetRequest): Promise<TargetResponse>;
  /** Releases what the target holds (a port, a child process); optional. */
  close?(): Promise<void>;
}

/** A venue-group (Reservations API) credential. */
export interface VenueGroupCredential {
  clientId: string;
  clientSecret: string;
  /** Sent as `venue_group_id` where operations take it; discovered from venues when absent. */
  venueGroupId?: string;
}

/** A concierge credential (Concierge API). */
export interface ConciergeCredential {
  clientId: string;
  clientSecret: string;
  conciergeId: string;
  conciergeGroupId?: string;
}

/** A concierge-group credential (concierge-group search, get and cancel). */
export interface ConciergeGroupCredential {
  clientId: string;
  clientSecret: string;
  conciergeGroupId: string;
}

export interface SuiteCredentials {
  venueGroup?: VenueGroupCredential;
  concierge?: ConciergeCredential;
  /** Optional; without it the concierge-group steps use the concierge credential. */
  conciergeGroup?: ConciergeGroupCredential;
}

/** The verdict on one step. */
export type StepStatus = 'passed' | 'failed' | 'skipped';

/** One request the suite made (or chose not to make) and everything found wrong with it. */
export interface StepResult {
  scenario: string;
  name: string;
  operationId: string | null;
  method: string;
  path: string;
  status: StepStatus;
  /** Why a step was skipped. */
  reason?: string;
  httpStatus?: number;
  /** Contract violations in the response (and in the request, unless the step sends a bad one on purpose). */
  violations: ContractViolation[];
  /** Behaviour the suite expected and did not see (wrong status, missing message, cursor loop...). */
  problems: string[];
  exchange?: Exchange;
  /** The request broke the contract on purpose (an error case); its request violations are expected. */
  invalidRequest?: boolean;
  durationMs: number;
}

/** Everything a suite run produced. */
export interface SuiteResult {
  target: { name: string; kind: 'mock' | 'real' };
  startedAt: string;
  durationMs: number;
  steps: StepResult[];
  passed: boolean;
}
