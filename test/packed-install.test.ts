/**
 * The package as a team installs it: `npm pack`, install the tarball into a fresh project, then use
 * it only from there — both binaries, the ESM library, and its types under NodeNext and Bundler
 * resolution. The sources are never on the path, so a file the package forgets to ship, or a path
 * that resolves inside dist/, fails here.
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOperations } from '../mock-server/spec/operations.js';
import { loadSpec } from '../mock-server/spec/load-spec.js';
import { portIsFree, runCommand, startCommand } from './support/processes.js';

const ROOT = resolve(import.meta.dirname, '..');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

let dir: string;
let app: string;
let tarball: { filename: string; size: number; files: Array<{ path: string }> };
const bin = (name: string) => join(app, 'node_modules', '.bin', name);
// Each step spawns processes on a machine that may be busy; these are ceilings, not expectations.
const SLOW = 120_000;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sevenrooms-mock-packed-'));
  const pack = await runCommand('npm', ['pack', '--json', '--pack-destination', dir], {
    cwd: ROOT,
    timeoutMs: 120_000,
  });
  expect(pack.code, pack.stderr).toBe(0);
  tarball = (JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as (typeof tarball)[])[0]!;
  app = join(dir, 'app');
  mkdirSync(app);
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }),
  );
  const install = await runCommand(
    'npm',
    [
      'install',
      join(dir, tarball.filename),
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      '--ignore-scripts',
    ],
    { cwd: app, timeoutMs: 180_000 },
  );
  expect(install.code, install.stderr).toBe(0);
  // The README's global-setup example imports vitest's types; lend the project's copy.
  symlinkSync(join(ROOT, 'node_modules', 'vitest'), join(app, 'node_modules', 'vitest'), 'dir');
}, 300_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('ships the licence, changelog, config schema and compiled code, and no dangling source maps', () => {
    const paths = tarball.files.map((f) => f.path);
    for (const file of [
      'LICENSE',
      'CHANGELOG.md',
      'README.md',
      'fixtures/schema/config.schema.json',
      'dist/mock-server/index.js',
      'dist/mock-server/index.d.ts',
      'dist/contracts/index.js',
      'openapi/sevenrooms.yaml',
    ])
      expect(paths).toContain(file);
    expect(paths.filter((p) => p.endsWith('.map'))).toEqual([]);
    expect(paths.filter((p) => p.startsWith('test/') || p.startsWith('dist/test/'))).toEqual([]);
  });
});

describe('the installed binaries', () => {
  it(
    'sevenrooms-mock --scenario fully-booked-friday serves the scenario and stops on SIGTERM',
    async () => {
      const mock = await startCommand(
        bin('sevenrooms-mock'),
        ['--port', '0', '--scenario', 'fully-booked-friday'],
        {
          cwd: app,
        },
      );
      try {
        const auth = await fetch(`${mock.url}/2_4/auth`, {
          method: 'POST',
          body: new URLSearchParams({ client_id: 'harbor-pos', client_secret: 'harbor-pos-secret' }),
        });
        expect(auth.status).toBe(200);
        expect(mock.output()).toMatch(/Scenario:\s+fully-booked-friday/);
        const docs = await fetch(`${mock.url}/docs/`);
        expect(docs.status).toBe(200);
        const asset = await fetch(`${mock.url}/docs/swagger-ui-bundle.js`);
        expect(asset.status).toBe(200);
        const dashboard = await fetch(`${mock.url}/_mock/ui/`);
        expect(dashboard.status).toBe(200);
        // The page's modules, and Preact resolved from the installed package's dependencies.
        for (const file of [
          'app.js',
          'views/floor.js',
          'vendor/preact.mjs',
          'vendor/hooks.mjs',
          'vendor/htm.mjs',
        ])
          expect((await fetch(`${mock.url}/_mock/ui/${file}`)).headers.get('content-type')).toMatch(
            /javascript/,
          );
      } finally {
        const exit = await mock.stop('SIGTERM');
        expect(exit.code).toBe(0);
        expect(exit.stdout).toMatch(/stopped/i);
      }
      expect(await portIsFree(mock.url)).toBe(true);
    },
    SLOW,
  );

  it(
    'sevenrooms-mock --version prints the package version',
    async () => {
      const run = await runCommand(bin('sevenrooms-mock'), ['--version'], { cwd: app });
      expect(run.stdout.trim()).toBe(VERSION);
    },
    SLOW,
  );

  it(
    'sevenrooms-contracts checks a running mock, and --via-prism without Prism says how to install it',
    async () => {
      const mock = await startCommand(bin('sevenrooms-mock'), ['--port', '0', '--guests', '50'], {
        cwd: app,
      });
      try {
        const run = await runCommand(
          bin('sevenrooms-contracts'),
          ['--target', mock.url, '--format', 'json'],
          {
            cwd: app,
            timeoutMs: 120_000,
          },
        );
        expect(run.code, run.stderr).toBe(0);
        const report = JSON.parse(run.stdout) as { passed: boolean };
        expect(report.passed).toBe(true);
      } finally {
        await mock.stop();
      }
      const prism = await runCommand(bin('sevenrooms-contracts'), ['--via-prism'], { cwd: app });
      expect(prism.code).not.toBe(0);
      expect(prism.stderr.trim().split('\n')).toHaveLength(1);
      expect(prism.stderr).toMatch(/npm install --save-dev @stoplight\/prism-cli/);
    },
    SLOW,
  );
});

describe('the installed library', () => {
  it(
    'imports in ESM and runs a mock with a typed control client',
    async () => {
      writeFileSync(
        join(app, 'smoke.mjs'),
        `import { startMockServer, verifyWebhookSignature } from 'sevenrooms-mock';
import { createContractValidator, loadSpec } from 'sevenrooms-mock/contracts';
const mock = await startMockServer({ scenario: 'fully-booked-friday' });
const { clientId, clientSecret } = mock.credential('harbor-pos');
const auth = await fetch(mock.apiUrl + '/auth', { method: 'POST', body: new URLSearchParams({ client_id: clientId, client_secret: clientSecret }) });
const clock = await mock.control.advanceClock(3600);
const validator = createContractValidator(loadSpec().doc);
const verified = verifyWebhookSignature({ rawBody: '[]', header: undefined, secret: 'x' });
await mock.stop();
console.log(JSON.stringify({ auth: auth.status, mode: clock.mode, operations: validator.operations.length, verified: verified.ok }));
`,
      );
      const run = await runCommand(process.execPath, ['smoke.mjs'], { cwd: app });
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual({
        auth: 200,
        mode: 'frozen',
        operations: [...listOperations(loadSpec().doc)].length,
        verified: false,
      });
    },
    SLOW,
  );

  it.each(['NodeNext', 'Bundler'])(
    'typechecks a consumer and the README examples under %s module resolution',
    async (resolution) => {
      const project = join(app, `ts-${resolution}`);
      mkdirSync(project, { recursive: true });
      copyFileSync(join(ROOT, 'test', 'packed', 'consumer.ts.txt'), join(project, 'consumer.ts'));
      // The README's TypeScript blocks that use the package (webhook receiver, vitest global setup).
      const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
      const examples = [...readme.matchAll(/```ts\n([^]*?)```/g)]
        .map((m) => m[1]!)
        .filter((code) => code.includes("from 'sevenrooms-mock'"));
      expect(examples.length).toBeGreaterThanOrEqual(2);
      const files = ['consumer.ts', ...examples.map((_, i) => `readme-${i}.ts`)];
      examples.forEach((code, i) => writeFileSync(join(project, `readme-${i}.ts`), code));
      writeFileSync(
        join(project, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            target: 'ES2022',
            module: resolution === 'NodeNext' ? 'NodeNext' : 'ESNext',
            moduleResolution: resolution,
            strict: true,
            noEmit: true,
            skipLibCheck: true,
            lib: ['ES2023'],
            types: ['node'],
            typeRoots: [join(ROOT, 'node_modules', '@types')],
          },
          files,
        }),
      );
      const run = await runCommand(process.execPath, [TSC, '-p', project], {
        cwd: project,
        timeoutMs: 120_000,
      });
      expect(run.stdout + run.stderr).toBe('');
      expect(run.code).toBe(0);
    },
    SLOW,
  );
});
