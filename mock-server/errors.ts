/**
 * Internal errors. Domain and middleware code throws these; one `app.onError` turns them into the
 * SevenRooms wire envelope (`{"status","code","msg","request_id"}`). Anything that is not a
 * MockError is a bug in the mock and becomes a 500 that says so.
 */
export type ErrorKind =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'payload_too_large'
  | 'unprocessable'
  | 'rate_limited'
  | 'request_timeout'
  | 'internal';

/** HTTP status for each kind of error: the one table every error response comes from. */
export const ERROR_STATUS: Readonly<Record<ErrorKind, number>> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  request_timeout: 408,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
};

export class MockError extends Error {
  readonly kind: ErrorKind;
  readonly status: number;
  /** Extra response headers (for example `Retry-After` on 429). */
  readonly headers: Readonly<Record<string, string>>;

  /**
   * @param status Overrides the kind's status from {@link ERROR_STATUS}; only injected faults use it
   *   (502/503/504 share the kind `internal`), so every other error still comes from the one table.
   */
  constructor(kind: ErrorKind, message: string, headers: Record<string, string> = {}, status?: number) {
    super(message);
    this.name = 'MockError';
    this.kind = kind;
    this.status = status ?? ERROR_STATUS[kind];
    this.headers = headers;
  }
}

export const badRequest = (msg: string) => new MockError('bad_request', msg);
export const unauthorized = (msg: string) => new MockError('unauthorized', msg);
export const forbidden = (msg: string) => new MockError('forbidden', msg);
export const notFound = (msg: string) => new MockError('not_found', msg);
export const conflict = (msg: string) => new MockError('conflict', msg);

/** Statuses a fault (configured or `Prefer: code=…`) may produce: exactly those the spec can document. */
export const FAULT_STATUSES = [400, 401, 403, 404, 408, 409, 413, 429, 500, 502, 503, 504] as const;
export type FaultStatus = (typeof FAULT_STATUSES)[number];

const FAULT_KIND: Readonly<Record<FaultStatus, ErrorKind>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  408: 'request_timeout',
  409: 'conflict',
  413: 'payload_too_large',
  429: 'rate_limited',
  500: 'internal',
  502: 'internal',
  503: 'internal',
  504: 'internal',
};

/**
 * An injected fault as a MockError, so it goes through the same `app.onError` and wire envelope as
 * every real error. 5xx statuses other than 500 keep the kind `internal` with the status overridden.
 *
 * @example throw faultError(503, 'Injected fault: 503 Service Unavailable.');
 */
export function faultError(
  status: FaultStatus,
  msg: string,
  headers: Record<string, string> = {},
): MockError {
  return new MockError(FAULT_KIND[status], msg, headers, status);
}

/** Known SevenRooms messages, word for word from the public reference, so clients matching on `msg` work. */
export const MESSAGES = {
  invalidReservationId: 'Invalid reservation ID',
  alreadyCancelled: 'Reservation has already been cancelled.',
  afterCancelCutoff: 'Reservation cannot be modified after the cancellation cut-off time',
  reservationNotFound: 'The venue does not have record of this reservation.',
  noShift: 'No shift found for date and time',
} as const;

/** The SevenRooms error envelope. */
export interface WireError {
  status: number;
  code: number;
  msg: string;
  request_id: string;
}

export function toWireError(status: number, msg: string, requestId: string): WireError {
  return { status, code: status, msg, request_id: requestId };
}
