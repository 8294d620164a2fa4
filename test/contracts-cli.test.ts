import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../contracts/cli.js';
import { createInProcessTarget } from '../contracts/suite/targets/in-process.js';
import { credentialsFromCatalog } from '../contracts/suite/mock-credentials.js';
import { createMockServer } from '../mock-server/server.js';

let dir: string;
let harEntries: unknown[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'contracts-cli-'));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const server = createMockServer();
  const credential = credentialsFromCatalog(server.catalog).venueGroup!;
  const target = createInProcessTarget(server.app);
  const auth = await target.fetch('POST', '/auth', {
    form: { client_id: credential.clientId, client_secret: credential.clientSecret },
  });
  const token = (JSON.parse(auth.bodyText) as { data: { token: string } }).data.token;
  const venues = await target.fetch('GET', '/venues', { headers: { authorization: token } });
  const entry = (response: typeof venues, method: string) => ({
    request: { method, url: response.url, headers: [{ name: 'Authorization', value: token }] },
    response: {
      status: response.status,
      headers: Object.entries(response.headers).map(([name, value]) => ({ name, value })),
      content: { mimeType: 'application/json', text: response.bodyText },
    },
  });
  harEntries = [entry(venues, 'GET')];
});
afterAll(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run contracts -- --har', () => {
  it('exits 0 on a clean recording and writes JUnit that parses', async () => {
    const har = join(dir, 'good.har');
    writeFileSync(har, JSON.stringify({ log: { entries: harEntries } }));
    const out = join(dir, 'good.xml');
    expect(await main(['--har', har, '--format', 'junit', '--out', out])).toBe(0);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
      readFileSync(out, 'utf8'),
    ) as {
      testsuites: { tests: string; failures: string };
    };
    expect(xml.testsuites).toMatchObject({ tests: '1', failures: '0' });
  });

  it('exits 1 when a recorded response breaks the contract, and the JSON report says where', async () => {
    const bad = structuredClone(harEntries[0]) as { response: { content: { text: string } } };
    const body = JSON.parse(bad.response.content.text) as {
      data: { results: Array<Record<string, unknown>> };
    };
    body.data.results[0]!.id = 42;
    bad.response.content.text = JSON.stringify(body);
    const har = join(dir, 'bad.har');
    writeFileSync(har, JSON.stringify({ log: { entries: [bad] } }));
    const out = join(dir, 'bad.json');
    expect(await main(['--har', har, '--format', 'json', '--out', out])).toBe(1);
    const report = JSON.parse(readFileSync(out, 'utf8')) as {
      steps: Array<{ violations: Array<{ operationId: string; pointer: string }> }>;
    };
    expect(report.steps[0]?.violations).toEqual([
      {
        operationId: 'listVenues',
        in: 'response.body',
        pointer: '/data/results/0/id',
        message: 'must be string,null',
      },
    ]);
  });

  it('exits 2 with the usage on an unknown option', async () => {
    expect(await main(['--nope'])).toBe(2);
  });
});
