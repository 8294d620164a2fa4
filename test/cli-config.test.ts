import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONFIG_SCHEMA_PATH, readConfigFile } from '../mock-server/cli/config-file.js';
import { serve } from '../mock-server/cli/serve.js';
import { serveCommand } from '../mock-server/cli/serve-options.js';
import { UsageError } from '../mock-server/cli/usage-error.js';

const ROOT = resolve(import.meta.dirname, '..');
let dir: string;
let stop: (() => Promise<void>) | undefined;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-config-'));
});
afterEach(async () => {
  await stop?.();
  stop = undefined;
  vi.restoreAllMocks();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function start(args: string[]): Promise<string> {
  let banner = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    banner += String(chunk);
    return true;
  });
  try {
    stop = await serve(args, {});
  } finally {
    vi.restoreAllMocks();
  }
  return banner;
}

/** The YAML example in the README's "Configuration file" section. */
function readmeExample(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const m = /```yaml\n(# sevenrooms-mock\.yaml[^]*?)```/.exec(readme);
  if (!m) throw new Error('README has no sevenrooms-mock.yaml example');
  return m[1]!;
}

describe('--config', () => {
  it('reads YAML, applies every section, and lets flags win', async () => {
    const path = file(
      'mock.yaml',
      [
        'port: 0',
        'logLevel: silent',
        'seed: 7',
        'clock: 2026-12-07T17:00:00Z',
        'guests: 10',
        'historyDays: 0',
        'daysAhead: 1',
        'rateLimit: 5/60',
        'faults:',
        '  - { kind: error, status: 503, probability: 0.5 }',
        'webhooks:',
        '  - http://127.0.0.1:9/hooks',
        'webhookSecret: whsec_from_the_file',
        'journalSize: 10',
      ].join('\n'),
    );
    const banner = await start(['--config', path]);
    expect(banner).toMatch(/Clock:\s+2026-12-07T17:00:00\.000Z/);
    expect(banner).toMatch(/Seeded:\s+20 guests/);
    expect(banner).toMatch(/Rate limits:\s+5 requests per 60 s/);
    expect(banner).toMatch(/Faults:\s+1 rule: error 503 p=0\.5/);
    expect(banner).toMatch(/Webhook:\s+http:\/\/127\.0\.0\.1:9\/hooks\s+secret whsec_from_the_file/);
    await stop?.();
    const overridden = await start(['--config', path, '--no-rate-limit', '--guests', '0']);
    expect(overridden).toMatch(/Rate limits:\s+off/);
    expect(overridden).toMatch(/Seeded:\s+0 guests/);
  });

  it('reads JSON and resolves paths against the file', async () => {
    file('rules.json', JSON.stringify([{ kind: 'latency', latency: { distribution: 'fixed', ms: 1 } }]));
    const path = file(
      'mock.json',
      JSON.stringify({ port: 0, logLevel: 'silent', guests: 0, faults: 'rules.json' }),
    );
    expect(await start(['--config', path])).toMatch(/Faults:\s+1 rule: latency/);
  });

  it('names the key and the expected type of a mistake', () => {
    const refuse = (name: string, text: string) => () => readConfigFile(file(name, text));
    expect(refuse('a.json', '{"port": "4041x"}')).toThrow(/"port" must be integer \(got "4041x"\)/);
    expect(refuse('b.yaml', 'guests: lots')).toThrow(/"guests" must be integer \(got "lots"\)/);
    expect(refuse('c.yaml', 'prot: 4010')).toThrow(/unknown key "prot"/);
    expect(refuse('d.yaml', 'rateLimit: 5')).toThrow(/"rateLimit" must be "N\/SECONDS"/);
    expect(refuse('e.yaml', 'logLevel: loud')).toThrow(/"logLevel" must be one of "debug", "info"/);
    expect(refuse('f.yaml', 'volume: { guests: -1 }')).toThrow(/"volume\.guests" must be >= 0/);
    expect(refuse('g.yaml', '- 1')).toThrow(/must hold an object/);
    expect(refuse('h.json', '{"port": ')).toThrow(/not valid JSON/);
    expect(() => readConfigFile(join(dir, 'missing.yaml'))).toThrow(/no such file/);
    expect(refuse('i.yaml', 'port: 1')).not.toThrow();
    expect(refuse('j.yaml', 'faults: [{ kind: nope }]')).not.toThrow(); // sections are checked at start:
  });

  it('checks the sections with the control API parsers at start', async () => {
    const path = file('bad-faults.yaml', 'port: 0\nlogLevel: silent\nfaults: [{ kind: nope }]\n');
    await expect(serve(['--config', path], {})).rejects.toThrow(UsageError);
    await expect(serve(['--config', path], {})).rejects.toThrow(
      /faults in .*bad-faults\.yaml: Invalid fault/,
    );
  });

  it('names a missing or invalid file given by flag in one sentence', async () => {
    const missing = join(dir, 'missing.json');
    await expect(serve(['--venues', missing], {})).rejects.toThrow(`--venues ${missing}: no such file.`);
    await expect(serve(['--faults', missing], {})).rejects.toThrow(`--faults ${missing}: no such file.`);
    const notVenues = file('not-venues.json', '{"name": "x"}');
    await expect(serve(['--venues', notVenues, '--log-level', 'silent'], {})).rejects.toThrow(
      /^Invalid venue fixture .*: \/venue_groups is required; \/name is not a documented property$/,
    );
    await expect(serve(['--webhook', 'notaurl', '--log-level', 'silent'], {})).rejects.toThrow(UsageError);
  });

  it('has a key for every serve flag, in the published schema', () => {
    const schema = JSON.parse(readFileSync(CONFIG_SCHEMA_PATH, 'utf8')) as {
      properties: Record<string, unknown>;
    };
    const keys = serveCommand()
      .options.map((option) => option.attributeName())
      .filter((key) => key !== 'config')
      .map((key) => (key === 'webhook' ? 'webhooks' : key)); // the repeatable flag, a list in the file
    expect(keys.length).toBeGreaterThan(15);
    for (const key of keys) expect(Object.keys(schema.properties), key).toContain(key);
  });

  it('accepts the README example as it is written', () => {
    expect(() => readConfigFile(file('readme.yaml', readmeExample()))).not.toThrow();
  });
});
