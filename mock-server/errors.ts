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
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
};

export class MockError extends Error {
  readonly kind: ErrorKind;
  readonly status: number;
  /** Extra response headers (for example `Retry-After` on 429). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(kind: ErrorKind, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'MockError';
    this.kind = kind;
    this.status = ERROR_STATUS[kind];
    this.headers = headers;
  }
}

export const badRequest = (msg: string) => new MockError('bad_request', msg);
export const unauthorized = (msg: string) => new MockError('unauthorized', msg);
export const forbidden = (msg: string) => new MockError('forbidden', msg);
export const notFound = (msg: string) => new MockError('not_found', msg);
export const conflict = (msg: string) => new MockError('conflict', msg);

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
