import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  computeSignature,
  parseSignatureHeader,
  signPayload,
  verifyWebhookSignature,
} from '../mock-server/webhooks/index.js';

const SECRET = 'whsec_0123456789abcdefABCDEF';
const T = 1_746_122_400; // 2025-05-01T18:00:00Z
const NOW_MS = T * 1000;
const BODY = JSON.stringify([
  { entity: { id: 'r1', status: 'SEATED' }, entity_type: 'reservation', event_type: 'updated', updates: [] },
]);

describe('webhook signing (mock convention, docs/decisions/0001)', () => {
  it('signs "<t>.<raw body>" with HMAC-SHA256 in the t=…,v1=… header', () => {
    const expected = createHmac('sha256', SECRET).update(`${T}.${BODY}`).digest('hex');
    expect(signPayload({ rawBody: BODY, secret: SECRET, timestampSec: T })).toBe(`t=${T},v1=${expected}`);
    expect(computeSignature(SECRET, T, Buffer.from(BODY))).toBe(expected);
  });

  it('accepts a genuine signature, from a string or a Buffer body', () => {
    const header = signPayload({ rawBody: BODY, secret: SECRET, timestampSec: T });
    expect(verifyWebhookSignature({ rawBody: BODY, header, secret: SECRET, now: NOW_MS })).toEqual({
      ok: true,
      timestampSec: T,
    });
    expect(
      verifyWebhookSignature({ rawBody: Buffer.from(BODY), header, secret: SECRET, now: NOW_MS + 299_000 })
        .ok,
    ).toBe(true);
  });

  it('refuses a tampered body', () => {
    const header = signPayload({ rawBody: BODY, secret: SECRET, timestampSec: T });
    const tampered = BODY.replace('SEATED', 'COMPLETE');
    expect(verifyWebhookSignature({ rawBody: tampered, header, secret: SECRET, now: NOW_MS })).toMatchObject({
      ok: false,
      reason: 'signature_mismatch',
    });
  });

  it('refuses a re-signed timestamp (the signature covers t) and a wrong secret', () => {
    const header = signPayload({ rawBody: BODY, secret: SECRET, timestampSec: T });
    const shifted = header.replace(`t=${T}`, `t=${T + 600}`);
    expect(
      verifyWebhookSignature({ rawBody: BODY, header: shifted, secret: SECRET, now: NOW_MS + 600_000 }).ok,
    ).toBe(false);
    expect(
      verifyWebhookSignature({ rawBody: BODY, header, secret: 'whsec_other_secret', now: NOW_MS }),
    ).toMatchObject({
      ok: false,
      reason: 'signature_mismatch',
    });
  });

  it('refuses stale and future timestamps beyond the tolerance, unless the check is off', () => {
    const header = signPayload({ rawBody: BODY, secret: SECRET, timestampSec: T });
    const stale = verifyWebhookSignature({ rawBody: BODY, header, secret: SECRET, now: NOW_MS + 301_000 });
    expect(stale).toMatchObject({ ok: false, reason: 'timestamp_outside_tolerance' });
    const future = verifyWebhookSignature({ rawBody: BODY, header, secret: SECRET, now: NOW_MS - 301_000 });
    expect(future).toMatchObject({ ok: false, reason: 'timestamp_outside_tolerance' });
    expect(
      verifyWebhookSignature({
        rawBody: BODY,
        header,
        secret: SECRET,
        now: NOW_MS + 60_000,
        toleranceSec: 30,
      }).ok,
    ).toBe(false);
    expect(
      verifyWebhookSignature({ rawBody: BODY, header, secret: SECRET, now: 0, toleranceSec: Infinity }).ok,
    ).toBe(true);
  });

  it('reports missing and malformed headers without throwing', () => {
    expect(verifyWebhookSignature({ rawBody: BODY, header: undefined, secret: SECRET })).toMatchObject({
      reason: 'missing_signature',
    });
    for (const header of ['nonsense', `t=${T}`, 'v1=abc', `t=soon,v1=${'0'.repeat(64)}`]) {
      expect(verifyWebhookSignature({ rawBody: BODY, header, secret: SECRET, now: NOW_MS })).toMatchObject({
        ok: false,
        reason: 'malformed_signature',
      });
    }
    // A v1 of the wrong length is a mismatch, not a crash in timingSafeEqual.
    expect(
      verifyWebhookSignature({ rawBody: BODY, header: `t=${T},v1=abcd`, secret: SECRET, now: NOW_MS }),
    ).toMatchObject({
      reason: 'signature_mismatch',
    });
  });

  it('accepts any one of several v1 signatures, so a secret can be rotated', () => {
    const good = signPayload({ rawBody: BODY, secret: SECRET, timestampSec: T }).split('v1=')[1]!;
    const header = `t=${T},v1=${'f'.repeat(64)},v1=${good}`;
    expect(parseSignatureHeader(header)?.signatures).toHaveLength(2);
    expect(verifyWebhookSignature({ rawBody: BODY, header, secret: SECRET, now: NOW_MS }).ok).toBe(true);
  });
});
