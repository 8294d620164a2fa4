import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createTestSpec } from '../contracts/testing/test-spec.js';
import { createInProcessTarget } from '../contracts/suite/targets/in-process.js';
import { loadSpec } from '../mock-server/spec/load-spec.js';
import { createContractValidator, formatViolation } from '../contracts/validate/index.js';

const RATE = { 'X-RateLimit-Limit': '600', 'X-RateLimit-Remaining': '599' };

/** A fake SevenRooms-like server whose answers the tests bend out of contract one way at a time. */
function fakeApp(venue: unknown, status = 200, headers: Record<string, string> = RATE) {
  const app = new Hono();
  app.get('/2_4/venues/:id', (c) => c.json(venue as object, status as 200, headers));
  return app;
}

async function exchangeWith(app: Hono) {
  const target = createInProcessTarget(app);
  const response = await target.fetch('GET', '/venues/v1', { headers: { authorization: 'token' } });
  return createContractValidator(createTestSpec()).validateExchange({
    method: 'GET',
    url: response.url,
    requestHeaders: { authorization: 'token' },
    status: response.status,
    responseHeaders: response.headers,
    responseBody: response.bodyText,
  });
}

describe('contract validator: a target that breaks the contract is caught', () => {
  it('passes a response that keeps the contract', async () => {
    const result = await exchangeWith(fakeApp({ status: 200, data: { id: 'v1', name: 'Harbor Grill' } }));
    expect(result).toEqual({ operationId: 'getVenue', valid: true, violations: [] });
  });

  it('names the operation and the pointer of a dropped required field', async () => {
    const result = await exchangeWith(fakeApp({ status: 200, data: { id: 'v1' } }));
    expect(result.violations.map(formatViolation)).toEqual([
      '[getVenue] response.body /data/name: is required',
    ]);
  });

  it('names the operation and the pointer of a value of the wrong type', async () => {
    const result = await exchangeWith(
      fakeApp({ status: 200, data: { id: 'v1', name: 'x', max_guests: 'four' } }),
    );
    expect(result.violations).toEqual([
      {
        operationId: 'getVenue',
        in: 'response.body',
        pointer: '/data/max_guests',
        message: 'must be integer,null',
      },
    ]);
  });

  it('reports an undocumented status, listing the documented ones', async () => {
    const result = await exchangeWith(fakeApp({ status: 418 }, 418));
    expect(result.violations.map(formatViolation)).toEqual([
      '[getVenue] response.status: status 418 is not documented (documented: 200, 404)',
    ]);
  });

  it('collects every violation instead of stopping at the first', async () => {
    const result = await exchangeWith(
      fakeApp({ status: 'ok', data: { name: 7 } }, 200, { 'X-RateLimit-Remaining': '-1' }),
    );
    expect(result.violations.map(formatViolation).sort()).toEqual(
      [
        '[getVenue] response.headers /x-ratelimit-limit: header is required',
        '[getVenue] response.headers /x-ratelimit-remaining: header must be >= 0 (got "-1")',
        '[getVenue] response.body /status: must be integer',
        '[getVenue] response.body /data/id: is required',
        '[getVenue] response.body /data/name: must be string,null',
      ].sort(),
    );
  });
});

describe('contract validator: requests, bodies and statuses', () => {
  const validator = createContractValidator(createTestSpec());

  it('coerces query strings and reports a missing required parameter by name', () => {
    const ok = validator.validateRequest({
      method: 'GET',
      url: '/2_4/concierge/c1/availability/dining?date=2026-12-08&party_size=2',
      headers: { Authorization: 't' },
    });
    expect(ok.violations).toEqual([]);
    const bad = validator.validateRequest({
      method: 'GET',
      url: '/2_4/concierge/c1/availability/dining?party_size=two',
      headers: { Authorization: 't' },
    });
    expect(bad.violations.map(formatViolation).sort()).toEqual([
      '[getConciergeDiningAvailability] request.query /date: query parameter is required',
      '[getConciergeDiningAvailability] request.query /party_size: query parameter must be integer',
    ]);
  });

  it('reads True/False (what Python sends) as booleans in queries and forms, as the mock does', () => {
    const real = createContractValidator(loadSpec().doc);
    const query = (value: string) =>
      real.validateRequest({
        method: 'GET',
        url: `/2_4/concierge/c1/venues/v1/availability/dining?date=2026-12-08&start_time=19:00&end_time=20:00&party_size=2&supports_paid_reservations=${value}`,
        headers: { Authorization: 't' },
      }).violations;
    expect(query('True')).toEqual([]);
    expect(query('FALSE')).toEqual([]);
    expect(query('Yes').map(formatViolation)).toEqual([
      '[getConciergeVenueDiningAvailability] request.query /supports_paid_reservations: query parameter must be boolean',
    ]);
    const form = real.validateRequest({
      method: 'PUT',
      url: '/2_4/venues/v1/book',
      headers: { authorization: 't', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'date=2026-12-08&time=19:00&party_size=2&send_client_email=True&bypass_availability=False',
    });
    expect(form.violations).toEqual([]);
  });

  it('parses form bodies, accepts 1/0 booleans and repeated array fields, and names missing fields', () => {
    const good = validator.validateRequest({
      method: 'PUT',
      url: '/2_4/venues/v1/book',
      headers: { authorization: 't', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'date=2026-12-08&time=19:00&party_size=2&send_client_email=1&table_codes=T1&table_codes=T2',
    });
    expect(good.violations).toEqual([]);
    const bad = validator.validateRequest({
      method: 'PUT',
      url: '/2_4/venues/v1/book',
      headers: { authorization: 't', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'date=2026-12-08&time=7pm',
    });
    expect(bad.violations.map(formatViolation).sort()).toEqual([
      '[bookVenueReservation] request.body /party_size: field is required',
      '[bookVenueReservation] request.body /time: field must match pattern "^\\d{2}:\\d{2}$"',
    ]);
  });

  it('requires the credential of the security scheme, but not on operations that need none', () => {
    expect(
      validator.validateRequest({ method: 'GET', url: '/2_4/venues' }).violations.map(formatViolation),
    ).toEqual(['[listVenues] request.headers: credentials for AuthToken are required']);
    const auth = validator.validateRequest({
      method: 'POST',
      url: '/2_4/auth',
      body: 'client_id=a&client_secret=b',
    });
    expect(auth.violations).toEqual([]);
  });

  it('insists a 204 has an empty body', () => {
    const exchange = {
      method: 'GET',
      url: '/2_4/concierge/c1/availability/dining?date=2026-12-08&party_size=2',
      status: 204,
      responseHeaders: RATE,
    };
    expect(validator.validateResponse({ ...exchange, responseBody: '' }).violations).toEqual([]);
    expect(
      validator
        .validateResponse({ ...exchange, responseBody: '{"status":204}' })
        .violations.map(formatViolation),
    ).toEqual([
      '[getConciergeDiningAvailability] response.body: must be empty (status 204 documents no body)',
    ]);
  });

  it('matches range statuses (4XX) when no exact status is documented', () => {
    const base = { method: 'DELETE', url: '/2_4/reservations/r1', responseHeaders: RATE };
    const body = '{"status":409,"code":409,"msg":"Conflict"}';
    expect(validator.validateResponse({ ...base, status: 409, responseBody: body }).valid).toBe(true);
    expect(
      validator.validateResponse({ ...base, status: 500, responseBody: body }).violations[0]?.message,
    ).toBe('status 500 is not documented (documented: 200, 400, 4XX)');
  });

  it('reports a body that is not JSON, and a content type that is not documented', () => {
    const base = { method: 'GET', url: '/2_4/venues/v1', status: 200 };
    expect(
      validator.validateResponse({ ...base, responseHeaders: RATE, responseBody: '<html>' }).violations[0]
        ?.message,
    ).toMatch(/^is not valid JSON/);
    expect(
      validator
        .validateResponse({
          ...base,
          responseHeaders: { ...RATE, 'content-type': 'text/html' },
          responseBody: '<html>',
        })
        .violations.map(formatViolation),
    ).toEqual([
      '[getVenue] response.headers /content-type: content type text/html is not documented for status 200 (documented: application/json)',
    ]);
  });
});
