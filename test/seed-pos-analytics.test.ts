/**
 * What POS, CRM and analytics integrations read from seeded data, read the way they read it —
 * through the export endpoints — and checked for the consistency they rely on: tickets that add up
 * to the payment totals, guests whose spend is the sum of their visits, per-venue statistics that
 * add up to the top-level ones, partner ids on a share of records, and every field declared in the
 * spec and valid against it.
 */
import type { oas31 } from 'openapi3-ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContractValidator } from '../contracts/validate/index.js';
import { ManualClock } from '../mock-server/clock.js';
import { createMockServer, type MockServer } from '../mock-server/server.js';
import { resolveRef } from '../mock-server/spec/load-spec.js';
import { CREDENTIALS, guest, testServer } from './support/harness.js';

const NOW = '2026-12-07T17:00:00Z';
const VOLUME = { guests: 160, daysOfHistory: 21, daysAhead: 7 };

type Row = Record<string, unknown> & { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

let server: MockServer;
let reservations: Row[];
let clients: Row[];
const pages: { url: string; text: string }[] = [];

async function exportAll(token: string, base: string): Promise<Row[]> {
  const rows: Row[] = [];
  let cursor: string | undefined;
  do {
    const url = cursor ? `${base}&cursor=${cursor}` : base;
    const res = await server.app.request(url, { headers: { Authorization: token } });
    const text = await res.text();
    expect(res.status, text).toBe(200);
    pages.push({ url, text });
    const body = JSON.parse(text) as { data: { results: Row[]; cursor?: string } };
    rows.push(...body.data.results);
    cursor = body.data.cursor;
  } while (cursor);
  return rows;
}

beforeAll(async () => {
  server = createMockServer({ seed: 11, clock: new ManualClock(NOW), volume: VOLUME });
  reservations = [];
  clients = [];
  for (const credential of [CREDENTIALS.harbor, CREDENTIALS.thames]) {
    const auth = await server.app.request('/2_4/auth', {
      method: 'POST',
      body: new URLSearchParams(credential),
    });
    const token = ((await auth.json()) as { data: { token: string } }).data.token;
    reservations.push(
      ...(await exportAll(
        token,
        '/2_4/reservations/export?from_date=2026-11-01&to_date=2026-12-31&limit=400',
      )),
    );
    clients.push(...(await exportAll(token, '/2_4/clients/export?limit=400')));
  }
});

const cents = (n: number) => Math.round(n * 100);
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('seeded POS tickets', () => {
  it('every linked visit has tickets whose amounts add up to its payment totals', () => {
    const linked = reservations.filter((r) => (r.pos_tickets as Row[]).length > 0);
    expect(linked.length).toBeGreaterThan(500);
    for (const r of linked) {
      const tickets = r.pos_tickets as Row[];
      for (const t of tickets) {
        const items = t.items as Row[];
        expect(items.length).toBeGreaterThan(0);
        expect(cents(t.subtotal)).toBe(sum(items.map((i) => cents(i.total))));
        for (const i of items) expect(cents(i.total)).toBe(i.is_comp ? 0 : i.quantity * cents(i.price));
        expect(cents(t.total)).toBe(
          sum([t.subtotal, t.tax, t.service_charge, t.admin_fee, t.tip].map(cents)),
        );
        expect(t.employee_name).toBe(r.served_by);
        expect(t.start_time).toBe(r.seated_time);
        expect(t.end_time).toBe(r.left_time);
        expect(t.table_no).toBe((r.table_numbers as string[])[0]);
      }
      const subtotal = sum(tickets.map((t) => cents(t.subtotal)));
      const total = sum(tickets.map((t) => cents(t.total)));
      expect(cents(r.total_payment)).toBe(subtotal);
      expect(cents(r.total_net_payment)).toBe(subtotal);
      expect(cents(r.total_gross_payment)).toBe(total);
      expect(cents(r.prepayment_total ?? 0) + cents(r.onsite_payment_total)).toBe(total);
      expect(
        cents(r.onsite_payment_net) + cents(r.onsite_payment_tax) + cents(r.onsite_payment_gratuity),
      ).toBe(cents(r.onsite_payment_total));
      expect(r.onsite_payment).toBe(r.onsite_payment_total);
      expect(r.check_numbers).toEqual(tickets.map((t) => t.code));
      const comped = (tickets.flatMap((t) => t.items) as Row[]).filter((i) => i.is_comp);
      expect(cents(r.comps)).toBe(sum(comped.map((i) => i.quantity * cents(i.price))));
      expect(r.paid_by).toBe(`${r.first_name} ${r.last_name}`);
    }
    // Something is comped somewhere, and large parties sometimes split the bill.
    expect(linked.some((r) => r.comps > 0)).toBe(true);
    expect(linked.some((r) => (r.pos_tickets as Row[]).length > 1)).toBe(true);
  });

  it('tickets are linked a day and a half after the party left, so the latest night has none yet', () => {
    const done = reservations.filter((r) => r.status === 'COMPLETE');
    const leftBefore = (r: Row, iso: string) => `${r.left_time}` < iso;
    const old = done.filter((r) => leftBefore(r, '2026-12-04T00:00'));
    expect(old.length).toBeGreaterThan(500);
    expect(old.every((r) => (r.pos_tickets as Row[]).length > 0)).toBe(true);
    const lastNight = done.filter((r) => r.date === '2026-12-06');
    expect(lastNight.length).toBeGreaterThan(5);
    for (const r of lastNight) {
      expect(r.pos_tickets).toEqual([]);
      expect(r.check_numbers).toBeNull();
      // No check yet: the visit's payments are the deposit alone.
      expect(r.total_payment).toBe(r.prepayment ?? 0);
      expect(r.onsite_payment_total).toBe(0);
    }
    // Future bookings have no payment totals at all, like the reference's example.
    const ahead = reservations.filter((r) => r.status === 'CONFIRMED' && r.date > '2026-12-08');
    expect(ahead.length).toBeGreaterThan(50);
    for (const r of ahead) {
      expect([r.total_payment, r.total_gross_payment, r.onsite_payment, r.served_by]).toEqual([
        null,
        null,
        null,
        null,
      ]);
    }
  });

  it('seated parties have a server from the venue team; ratings, requests and custom fields appear on a share', () => {
    const seated = reservations.filter((r) => r.seated_time !== null);
    expect(seated.every((r) => typeof r.served_by === 'string' && r.served_by.includes(' '))).toBe(true);
    const servers = new Set(seated.map((r) => `${r.venue_id}|${r.served_by}`));
    expect(servers.size).toBeGreaterThan(20);
    const rated = reservations.filter((r) => r.rating !== null);
    expect(rated.length).toBeGreaterThan(100);
    expect(rated.every((r) => r.status === 'COMPLETE' && r.rating >= 1 && r.rating <= 5)).toBe(true);
    expect(reservations.filter((r) => r.client_requests !== null).length).toBeGreaterThan(50);
    const withFields = reservations.filter((r) => (r.custom_fields as Row[]).length > 0);
    expect(withFields.length).toBeGreaterThan(50);
    expect(withFields[0]!.custom_fields[0]).toEqual({
      system_name: expect.stringMatching(/^custom_/),
      name: expect.any(String),
      value: expect.any(String),
      display_order: expect.any(Number),
    });
    expect(reservations.every((r) => (r.tags as Row[]).every((t) => /^#[0-9A-F]{6}$/.test(t.color)))).toBe(
      true,
    );
    expect(reservations.filter((r) => r.min_price !== null).every((r) => r.min_price > 0)).toBe(true);
  });
});

describe('seeded guests', () => {
  it("each guest's spend is the sum of its completed visits, per venue and group-wide", () => {
    const byClient = new Map<string, Row[]>();
    for (const r of reservations) byClient.set(r.client_id, [...(byClient.get(r.client_id) ?? []), r]);
    let checked = 0;
    for (const c of clients) {
      const stats = c.venue_stats as Record<string, Row>;
      const mine = byClient.get(c.id) ?? [];
      for (const [venueId, s] of Object.entries(stats)) {
        const visits = mine.filter((r) => r.venue_id === venueId && r.status === 'COMPLETE');
        // The export window holds the whole seeded history, so every visit is in it.
        expect(s.total_visits).toBe(visits.length);
        expect(cents(s.total_spend)).toBe(sum(visits.map((r) => cents(r.total_payment))));
        expect(cents(s.gross_total)).toBe(sum(visits.map((r) => cents(r.total_gross_payment))));
        expect(s.total_cancellations).toBe(s.total_cancelations);
        const ratings = visits.filter((r) => r.rating !== null).map((r) => r.rating as number);
        expect(s.avg_rating).toBe(
          ratings.length ? Math.round((sum(ratings) / ratings.length) * 100) / 100 : null,
        );
        expect(new Set(s.booked_by_names)).toEqual(new Set(visits.map((r) => r.booked_by)));
        if (s.total_visits > 0) {
          // Rounded to cents.
          expect(Math.abs(s.total_spend_per_visit - s.total_spend / s.total_visits)).toBeLessThan(0.0051);
          expect(Math.abs(s.total_spend_per_cover - s.total_spend / s.total_covers)).toBeLessThan(0.0051);
        }
        checked++;
      }
      const all = Object.values(stats);
      expect(c.total_visits).toBe(sum(all.map((s) => s.total_visits)));
      expect(c.total_covers).toBe(sum(all.map((s) => s.total_covers)));
      expect(cents(c.total_spend)).toBe(sum(all.map((s) => cents(s.total_spend))));
      expect(c.total_cancelations).toBe(sum(all.map((s) => s.total_cancelations)));
      expect(c.total_noshows).toBe(sum(all.map((s) => s.total_noshows)));
    }
    expect(checked).toBeGreaterThan(200);
    // Some guests visit more than one venue of their group: the top-level totals are not any one venue's.
    expect(
      clients.some(
        (c) =>
          Object.values(c.venue_stats as Record<string, Row>).filter((s) => s.total_visits > 0).length > 1,
      ),
    ).toBe(true);
  });

  it('profiles carry the CRM fields integrations read', () => {
    const share = (pred: (c: Row) => boolean) => clients.filter(pred).length / clients.length;
    expect(share((c) => c.external_user_id !== null)).toBeGreaterThan(0.08);
    expect(share((c) => c.external_user_id !== null)).toBeLessThan(0.3);
    expect(share((c) => (c.custom_fields as Row[]).length > 0)).toBeGreaterThan(0.15);
    expect(share((c) => c.private_notes !== null)).toBeGreaterThan(0.01);
    expect(share((c) => (c.member_groups as string[]).length > 0)).toBeGreaterThan(0.01);
    expect(share((c) => c.preferred_language_code !== 'en')).toBeGreaterThan(0.05);
    expect(share((c) => c.salutation !== null)).toBeGreaterThan(0.2);
    expect(
      clients.every((c) =>
        (c.client_tags as Row[]).every((t) => t.group && t.tag && /^#[0-9A-F]{6}$/.test(t.color)),
      ),
    ).toBe(true);
    expect(clients.some((c) => c.avg_rating !== null)).toBe(true);
  });
});

describe('partner ids', () => {
  it('appear on a share of reservations and agree with the guest they belong to', () => {
    const withId = reservations.filter((r) => r.external_id !== null);
    expect(withId.length / reservations.length).toBeGreaterThan(0.05);
    const google = reservations.filter((r) => r.booked_by === 'Google Reserve');
    expect(google.length).toBeGreaterThan(20);
    for (const r of google) {
      expect(r.external_id).toMatch(/^reserve-/);
      expect(r.external_reference_code).toMatch(/^G-[A-Z0-9]{8}$/);
    }
    const externalOf = new Map(clients.map((c) => [c.id, c.external_user_id]));
    for (const r of reservations) expect(r.external_client_id).toBe(externalOf.get(r.client_id));
    expect(reservations.some((r) => r.external_client_id !== null)).toBe(true);
  });
});

describe('the spec', () => {
  /** Pointers of values whose key the spec does not declare (objects with `properties`), recursively. */
  function undeclared(
    doc: oas31.OpenAPIObject,
    value: unknown,
    schema: unknown,
    at: string,
    out: Set<string>,
  ) {
    const s = resolveRef<oas31.SchemaObject>(doc, schema as oas31.SchemaObject);
    if (!s || value === null || typeof value !== 'object') return;
    const parts = [
      s,
      ...((s.allOf ?? []) as oas31.SchemaObject[]).map((p) => resolveRef<oas31.SchemaObject>(doc, p)),
    ];
    if (Array.isArray(value)) {
      const items = parts.find((p) => p.items)?.items;
      if (items) value.forEach((v) => undeclared(doc, v, items, `${at}/*`, out));
      return;
    }
    const props: Record<string, unknown> = Object.assign({}, ...parts.map((p) => p.properties ?? {}));
    const extra = parts.find((p) => typeof p.additionalProperties === 'object')?.additionalProperties;
    for (const [key, v] of Object.entries(value)) {
      if (props[key]) undeclared(doc, v, props[key], `${at}/${key}`, out);
      else if (extra) undeclared(doc, v, extra, `${at}/{key}`, out);
      else if (Object.keys(props).length > 0) out.add(`${at}/${key}`);
    }
  }

  it('declares every field the seeded export pages carry, and the pages validate against it', () => {
    const doc = server.spec;
    const validator = createContractValidator(doc);
    expect(pages.length).toBeGreaterThan(6);
    for (const { url, text } of pages) {
      const verdict = validator.validateResponse({ method: 'GET', url, status: 200, responseBody: text });
      expect(verdict.violations, url).toEqual([]);
    }
    const schemas = doc.components!.schemas!;
    const missing = new Set<string>();
    for (const r of reservations) undeclared(doc, r, schemas.Reservation, 'Reservation', missing);
    for (const c of clients) undeclared(doc, c, schemas.Client, 'Client', missing);
    expect([...missing]).toEqual([]);
  });
});

describe('reservations made through the API', () => {
  it('start with no POS data; seating gives a server, completing rings up checks and adds the spend to the guest', async () => {
    const run = async () => {
      const t = testServer({ start: '2026-12-08T00:30:00Z' });
      const token = await t.login(CREDENTIALS.harbor);
      const venue = t.venueId('harbor-grill');
      const booked = await t.put(`/venues/${venue}/book`, token, {
        date: '2026-12-07',
        time: '19:00',
        party_size: 4,
        ...guest(7),
        bypass_availability: true,
      });
      expect(booked.status, booked.text).toBe(200);
      const r = booked.body.data.reservation as Row;
      expect([r.pos_tickets, r.served_by, r.total_payment, r.check_numbers]).toEqual([[], null, null, null]);
      const path = `/venues/${venue}/reservations/${r.id}`;
      const seated = (await (await t.control('POST', `${path}/seat`, {})).json()) as Row;
      expect(seated.served_by).toEqual(expect.any(String));
      expect(seated.pos_tickets).toEqual([]);
      const done = (await (await t.control('POST', `${path}/status`, { status: 'COMPLETE' })).json()) as Row;
      const client = (await t.get(`/clients/${r.client_id}`, token)).body.data as Row;
      return { done, client };
    };
    const { done, client } = await run();
    const tickets = done.pos_tickets as Row[];
    expect(tickets.length).toBeGreaterThan(0);
    expect(tickets[0]!.employee_name).toBe(done.served_by);
    expect(cents(done.total_payment)).toBe(sum(tickets.map((t) => cents(t.subtotal))));
    expect(cents(done.total_gross_payment)).toBe(sum(tickets.map((t) => cents(t.total))));
    const stats = (client.venue_stats as Record<string, Row>)[done.venue_id]!;
    expect(stats.total_visits).toBe(1);
    expect(stats.total_spend).toBe(done.total_payment);
    expect(stats.gross_total).toBe(done.total_gross_payment);
    expect(client.total_spend).toBe(done.total_payment);
    // The same requests ring up the same checks.
    expect((await run()).done.pos_tickets).toEqual(tickets);
  });
});

describe('a check paid before the party leaves', () => {
  it('is linked at PAID and counted once, net and gross, when the party leaves', async () => {
    const t = testServer({ start: '2026-12-08T00:30:00Z' });
    const token = await t.login(CREDENTIALS.thames);
    const venue = t.venueId('the-larder');
    const booked = await t.put(`/venues/${venue}/book`, token, {
      date: '2026-12-08',
      time: '12:00',
      party_size: 6,
      ...guest(8),
      bypass_availability: true,
    });
    expect(booked.status, booked.text).toBe(200);
    const r = booked.body.data.reservation as Row;
    const path = `/venues/${venue}/reservations/${r.id}`;
    await t.control('POST', `${path}/seat`, {});
    const paid = (await (await t.control('POST', `${path}/status`, { status: 'PAID' })).json()) as Row;
    expect((paid.pos_tickets as Row[]).length).toBeGreaterThan(0);
    // A London venue adds its service charge to a large party's check instead of a tip.
    for (const ticket of paid.pos_tickets as Row[]) {
      expect(ticket.service_charge).toBeGreaterThan(0);
      expect(ticket.tip).toBe(0);
    }
    const before = (await t.get(`/clients/${r.client_id}`, token)).body.data as Row;
    expect(before.total_visits).toBe(0);
    const done = (await (await t.control('POST', `${path}/status`, { status: 'COMPLETE' })).json()) as Row;
    // The same checks; only the end time is known now that the party has left.
    const withoutEnd = (tickets: Row[]) => tickets.map(({ end_time: _end, ...rest }) => rest);
    expect(withoutEnd(done.pos_tickets as Row[])).toEqual(withoutEnd(paid.pos_tickets as Row[]));
    expect((paid.pos_tickets as Row[])[0]!.end_time).toBeNull();
    expect((done.pos_tickets as Row[])[0]!.end_time).toBe(done.left_time);
    const after = (await t.get(`/clients/${r.client_id}`, token)).body.data as Row;
    const stats = (after.venue_stats as Record<string, Row>)[venue]!;
    expect([stats.total_visits, stats.total_spend, stats.gross_total]).toEqual([
      1,
      done.total_payment,
      done.total_gross_payment,
    ]);
  });
});
