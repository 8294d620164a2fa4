import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readRecordedFolder } from '../contracts/recorded/folder.js';
import { readHar } from '../contracts/recorded/har.js';
import { writeRecordedPairs } from '../contracts/recorded/record.js';
import { validateRecorded } from '../contracts/recorded/validate-recorded.js';
import { stepDiagnostics } from '../contracts/report/diagnostic.js';
import { createTestSpec } from '../contracts/testing/test-spec.js';
import { createContractValidator } from '../contracts/validate/index.js';

const validator = createContractValidator(createTestSpec());
const rateHeaders = [
  { name: 'X-RateLimit-Limit', value: '600' },
  { name: 'X-RateLimit-Remaining', value: '598' },
];

function harEntry(url: string, body: unknown, status = 200, encoding?: 'base64') {
  const text = JSON.stringify(body);
  return {
    request: { method: 'GET', url, headers: [{ name: 'Authorization', value: 'tok' }] },
    response: {
      status,
      headers: rateHeaders,
      content: {
        mimeType: 'application/json',
        text: encoding ? Buffer.from(text).toString('base64') : text,
        ...(encoding ? { encoding } : {}),
      },
    },
  };
}

const good = harEntry('https://api.sevenrooms.com/2_4/venues/v1', {
  status: 200,
  data: { id: 'v1', name: 'Harbor' },
});
const listOk = harEntry(
  'https://api.sevenrooms.com/2_4/venues?limit=2',
  { status: 200, data: { results: [], limit: 2 } },
  200,
  'base64',
);
const bad = harEntry('https://api.sevenrooms.com/2_4/venues/v2', {
  status: 200,
  data: { id: 'v2', name: 'Pier', max_guests: '4' },
});

describe('recorded HAR traffic', () => {
  it('passes a HAR whose responses keep the contract (base64 bodies included)', () => {
    const recorded = readHar(JSON.stringify({ log: { entries: [good, listOk] } }), 'good.har');
    const result = validateRecorded(validator, recorded, 'good.har');
    expect(result.passed).toBe(true);
    expect(result.steps.map((s) => s.operationId)).toEqual(['getVenue', 'listVenues']);
  });

  it('fails a HAR with one bad response, with that diagnostic on that entry only', () => {
    const recorded = readHar(JSON.stringify({ log: { entries: [good, bad, listOk] } }), 'bad.har');
    const result = validateRecorded(validator, recorded, 'bad.har');
    expect(result.passed).toBe(false);
    const failed = result.steps.filter((s) => s.status === 'failed');
    expect(failed.map((s) => s.name)).toEqual(['bad.har#2 GET /2_4/venues/v2']);
    expect(stepDiagnostics(failed[0]!)).toEqual([
      '[getVenue] response.body /data/max_guests: must be integer,null',
    ]);
  });

  it('refuses a file that is not a HAR, saying so', () => {
    expect(() => readHar('{"entries":[]}', 'x.json')).toThrow('x.json: not a HAR file (no log.entries)');
  });
});

describe('recorded pair files', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips a run through --record files, with secrets redacted, and re-validates them offline', () => {
    dir = mkdtempSync(join(tmpdir(), 'contracts-recorded-'));
    const [goodExchange, badExchange] = readHar(JSON.stringify({ log: { entries: [good, bad] } })).map(
      (r) => r.exchange,
    );
    const steps = validateRecorded(
      validator,
      [
        {
          source: 'a',
          exchange: {
            ...goodExchange!,
            method: 'POST',
            url: '/2_4/auth',
            requestBody: 'client_id=a&client_secret=hunter2',
            requestHeaders: {},
          },
        },
        { source: 'b', exchange: badExchange! },
      ],
      'x',
    ).steps;
    const written = writeRecordedPairs(dir, steps);
    expect(readdirSync(dir).sort()).toEqual(['001-authenticate-200.json', '002-getVenue-200.json']);
    const saved = readFileSync(written[0]!, 'utf8');
    expect(saved).not.toContain('hunter2');
    expect(readFileSync(written[1]!, 'utf8')).not.toContain('"tok"');

    const replay = validateRecorded(validator, readRecordedFolder(dir), dir);
    expect(replay.steps.map((s) => [s.operationId, s.status])).toEqual([
      ['authenticate', 'failed'], // the recorded auth answer carried a venue, not a token
      ['getVenue', 'failed'],
    ]);
    expect(stepDiagnostics(replay.steps[1]!)).toEqual([
      '[getVenue] response.body /data/max_guests: must be integer,null',
    ]);
  });

  it('names the file that is not a pair', () => {
    dir = mkdtempSync(join(tmpdir(), 'contracts-recorded-'));
    writeFileSync(join(dir, '001.json'), '{"hello":1}');
    expect(() => readRecordedFolder(dir!)).toThrow(/001\.json: expected \{request, response\}/);
  });
});
