/**
 * Webhook signing — a **mock convention** (docs/decisions/0001, 0005): SevenRooms does not publish a
 * signing scheme. The header is `X-SevenRooms-Mock-Signature: t=<epoch seconds>,v1=<hex HMAC-SHA256
 * of "<t>.<raw body>">`, the shape Stripe uses, so receivers written for one read the other.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { SystemClock } from '../clock.js';

export const SIGNATURE_HEADER = 'X-SevenRooms-Mock-Signature';
export const EVENT_ID_HEADER = 'X-SevenRooms-Mock-Event-Id';
export const DELIVERY_ATTEMPT_HEADER = 'X-SevenRooms-Mock-Delivery-Attempt';

/** Default replay window: a signature older or newer than this many seconds is refused. */
export const DEFAULT_TOLERANCE_SEC = 300;

type RawBody = string | Uint8Array;

/** Hex HMAC-SHA256 of `"<timestamp>.<body>"` under `secret`. */
export function computeSignature(secret: string, timestampSec: number, rawBody: RawBody): string {
  const hmac = createHmac('sha256', secret);
  hmac.update(`${timestampSec}.`);
  hmac.update(rawBody);
  return hmac.digest('hex');
}

export interface SignPayloadOptions {
  rawBody: RawBody;
  secret: string;
  /** Epoch seconds; the sender's clock (the mock's Clock, so tests and frozen demos are deterministic). */
  timestampSec: number;
}

/**
 * The `X-SevenRooms-Mock-Signature` header value for a body.
 *
 * @example
 * signPayload({ rawBody: '[]', secret: 'whsec_test', timestampSec: 1733760284 })
 * // 't=1733760284,v1=5d1c…'
 */
export function signPayload({ rawBody, secret, timestampSec }: SignPayloadOptions): string {
  if (!Number.isInteger(timestampSec))
    throw new RangeError('signPayload: timestampSec must be whole epoch seconds');
  return `t=${timestampSec},v1=${computeSignature(secret, timestampSec, rawBody)}`;
}

export interface ParsedSignature {
  timestampSec: number;
  /** Every `v1=` value; more than one lets a sender sign with an old and a new secret while rotating. */
  signatures: string[];
}

/** Parses `t=…,v1=…[,v1=…]`; null when the header is malformed. Unknown schemes (`v0=`) are ignored. */
export function parseSignatureHeader(header: string): ParsedSignature | null {
  let timestampSec: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) return null;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') {
      if (!/^\d{1,12}$/.test(value)) return null;
      timestampSec = Number(value);
    } else if (key === 'v1') {
      signatures.push(value);
    }
  }
  return timestampSec === null || signatures.length === 0 ? null : { timestampSec, signatures };
}

export type VerifyFailureReason =
  'missing_signature' | 'malformed_signature' | 'signature_mismatch' | 'timestamp_outside_tolerance';

export type VerifyResult =
  { ok: true; timestampSec: number } | { ok: false; reason: VerifyFailureReason; message: string };

export interface VerifyOptions {
  /** The body exactly as received — before any JSON parsing, which would change the bytes. */
  rawBody: RawBody;
  /**
   * The `X-SevenRooms-Mock-Signature` header value. Node's `req.headers[...]` (`string | string[]`)
   * and the Fetch API's `headers.get(...)` (`string | null`) may be passed as they are; repeated
   * headers are read as one comma-joined list.
   */
  header: string | readonly string[] | null | undefined;
  secret: string;
  /** The receiver's "now", epoch **milliseconds**; defaults to the wall clock. */
  now?: number;
  /** Replay window in seconds (default 300); `Infinity` turns the timestamp check off. */
  toleranceSec?: number;
}

const WALL_CLOCK = new SystemClock();

/**
 * Verifies a webhook from the mock, for users' receivers: recomputes the HMAC over the raw body,
 * compares it in constant time, and refuses timestamps further than `toleranceSec` from `now` in
 * either direction (replays, and clocks that disagree).
 *
 * @example
 * import { verifyWebhookSignature } from 'sevenrooms-mock';
 *
 * const result = verifyWebhookSignature({
 *   rawBody,                                                   // string or Buffer, unparsed
 *   header: req.headers['x-sevenrooms-mock-signature'],
 *   secret: process.env.SEVENROOMS_WEBHOOK_SECRET!,
 * });
 * if (!result.ok) return res.writeHead(401).end(result.message);
 */
export function verifyWebhookSignature({
  rawBody,
  header: rawHeader,
  secret,
  now = WALL_CLOCK.now(),
  toleranceSec = DEFAULT_TOLERANCE_SEC,
}: VerifyOptions): VerifyResult {
  const header = typeof rawHeader === 'string' || !rawHeader ? rawHeader : rawHeader.join(',');
  if (!header) {
    return { ok: false, reason: 'missing_signature', message: `The ${SIGNATURE_HEADER} header is missing.` };
  }
  const parsed = parseSignatureHeader(header);
  if (!parsed) {
    return {
      ok: false,
      reason: 'malformed_signature',
      message: `The ${SIGNATURE_HEADER} header is not of the form t=<epoch seconds>,v1=<hex>.`,
    };
  }
  // Check the HMAC before the timestamp: a forged header must never learn whether its time was accepted.
  const expected = Buffer.from(computeSignature(secret, parsed.timestampSec, rawBody), 'hex');
  const matches = parsed.signatures.some((sig) => {
    if (!/^[0-9a-f]{64}$/i.test(sig)) return false;
    return timingSafeEqual(expected, Buffer.from(sig, 'hex'));
  });
  if (!matches) {
    return {
      ok: false,
      reason: 'signature_mismatch',
      message: 'No signature matches the body and secret (wrong secret, or the body was changed).',
    };
  }
  const skewSec = Math.abs(now / 1000 - parsed.timestampSec);
  if (skewSec > toleranceSec) {
    return {
      ok: false,
      reason: 'timestamp_outside_tolerance',
      message: `The signature timestamp is ${Math.round(skewSec)} s from now; at most ${toleranceSec} s is accepted.`,
    };
  }
  return { ok: true, timestampSec: parsed.timestampSec };
}
