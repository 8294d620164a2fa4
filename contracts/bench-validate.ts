/**
 * Benchmark: median time to validate one typical response once the validator is compiled.
 * Target: under 50 µs. Run with `npx tsx contracts/bench-validate.ts [iterations] [page size]`.
 *
 * The response is a `listReservations` page of 30 reservations exactly as the in-process mock renders
 * them (one booked reservation, repeated with distinct ids), validated as an already parsed value
 * (the figure the target applies to) and as raw text, where JSON.parse of ~70 KB dominates.
 */
import { createMockServer } from '../mock-server/server.js';
import { loadSpec } from '../mock-server/spec/load-spec.js';
import { credentialsFromCatalog } from './suite/mock-credentials.js';
import { createInProcessTarget } from './suite/targets/in-process.js';
import { createContractValidator } from './validate/contract-validator.js';
import type { Exchange } from './validate/types.js';

const iterations = Number(process.argv[2] ?? 10_000);
const pageSize = Number(process.argv[3] ?? 30);

async function sampleExchange(): Promise<Exchange> {
  const server = createMockServer();
  const credentials = credentialsFromCatalog(server.catalog).venueGroup;
  if (!credentials) throw new Error('the mock catalog has no venue-group credential');
  const target = createInProcessTarget(server.app);
  const json = async (method: string, path: string, request: Parameters<typeof target.fetch>[2]) =>
    JSON.parse((await target.fetch(method, path, request)).bodyText) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const auth = await json('POST', '/auth', {
    form: { client_id: credentials.clientId, client_secret: credentials.clientSecret },
  });
  const headers = { authorization: auth.data.token as string };
  const venueId = (await json('GET', '/venues', { headers })).data.results[0].id as string;
  const date = new Date(server.clock.now() + 86_400_000).toISOString().slice(0, 10);
  const availability = await json('GET', `/venues/${venueId}/availability`, {
    headers,
    query: { date, start_time: '00:00', end_time: '23:45', party_size: 2 },
  });
  const slot = availability.data.availability[0].timeslots[0];
  const booked = await json('PUT', `/venues/${venueId}/book`, {
    headers,
    form: {
      date,
      time: slot.time,
      party_size: 2,
      first_name: 'Bench',
      last_name: 'Mark',
      phone: '+14155550123',
      email: 'bench@example.com',
    },
  });
  const reservation = booked.data.reservation as Record<string, unknown>;
  // A typical page: `pageSize` reservations shaped exactly as the mock renders them.
  const list = await target.fetch('GET', '/reservations', {
    headers,
    query: { venue_group_id: credentials.venueGroupId, from_date: date, to_date: date, limit: pageSize },
  });
  const page = JSON.parse(list.bodyText) as { data: { results: unknown[]; cursor?: string } };
  page.data.results = Array.from({ length: pageSize }, (_, i) => ({
    ...reservation,
    id: `${String(reservation.id)}${i}`,
  }));
  page.data.cursor = 'bench-cursor';
  return {
    method: 'GET',
    url: list.url,
    status: list.status,
    responseHeaders: list.headers,
    responseBody: JSON.stringify(page),
  };
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function measure(label: string, run: () => void): number {
  for (let i = 0; i < Math.min(1000, iterations); i++) run(); // warm up and compile
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    run();
    samples.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  const value = median(samples);
  console.log(`${label}: median ${value.toFixed(1)} µs over ${iterations} validations`);
  return value;
}

const exchange = await sampleExchange();
const validator = createContractValidator(loadSpec().doc);
const parsed = JSON.parse(exchange.responseBody as string) as { data?: { results?: unknown[] } };
const rows = parsed.data?.results?.length ?? 0;
const first = validator.validateResponse(exchange);
if (!first.valid || exchange.status !== 200) {
  throw new Error(`the sample response is not a valid 200: ${JSON.stringify(first.violations.slice(0, 3))}`);
}
console.log(`listReservations page: ${rows} reservations, ${(exchange.responseBody as string).length} bytes`);
const parsedExchange = { ...exchange, responseBody: parsed };
const validation = measure('validateResponse (parsed body: schema, headers, status)', () =>
  validator.validateResponse(parsedExchange),
);
measure('validateResponse (raw text: JSON.parse of the body included)', () =>
  validator.validateResponse(exchange),
);
// The 50 µs target is for validation; parsing a 30-reservation page costs what JSON.parse costs.
console.log(
  validation < 50 ? 'validation is within the 50 µs target' : 'validation is OVER the 50 µs target',
);
