/**
 * The command lines as typed: each mistake is one plain sentence on stderr with a non-zero exit and
 * no stack trace (unless --debug); help and --version exit 0; `npm start` and the binary stop
 * cleanly on a signal and free the port.
 */
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portIsFree, runCommand, startCommand, type CommandResult } from './support/processes.js';

const ROOT = resolve(import.meta.dirname, '..');
const SLOW = 120_000;
const EMPTY = ['--guests', '0', '--history-days', '0', '--days-ahead', '0'];
const mock = (args: string[]) =>
  runCommand(process.execPath, ['--import', 'tsx', 'mock-server/cli.ts', ...args], { cwd: ROOT });
const contracts = (args: string[]) =>
  runCommand(process.execPath, ['--import', 'tsx', 'contracts/cli.ts', ...args], { cwd: ROOT });

/** One line on stderr, no stack frames, a non-zero exit. */
function expectOneLineError(run: CommandResult, pattern: RegExp, code = 2): void {
  expect(run.code, run.stderr).toBe(code);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

let dir: string;
let busy: Server;
let busyPort: number;
let deadPort: number;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cli-process-'));
  busy = createServer().listen(0, '127.0.0.1');
  await once(busy, 'listening');
  busyPort = (busy.address() as { port: number }).port;
  // A port that was free a moment ago: nothing answers there.
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  deadPort = (probe.address() as { port: number }).port;
  await new Promise((done) => probe.close(done));
});
afterAll(async () => {
  await new Promise((done) => busy.close(done));
  rmSync(dir, { recursive: true, force: true });
});

describe('sevenrooms-mock errors', () => {
  it(
    'explains bad flags, typos, a port in use and a bad config in one sentence each',
    async () => {
      writeFileSync(join(dir, 'bad-port.json'), JSON.stringify({ port: '4041x' }));
      writeFileSync(join(dir, 'bad-guests.yaml'), 'guests: lots\n');
      const [port, guests, typo, inUse, badPort, badGuests, unknownCommand] = await Promise.all([
        mock(['--port', '99999']),
        mock(['--guests', '-5']),
        mock(['--prot', '4010']),
        mock(['--port', String(busyPort), ...EMPTY]),
        mock(['--config', join(dir, 'bad-port.json')]),
        mock(['--config', join(dir, 'bad-guests.yaml')]),
        mock(['bogus']),
      ]);
      expectOneLineError(port, /--port must be a port number from 0 to 65535.*got 99999/);
      expectOneLineError(guests, /--guests must be a whole number; got -5/);
      expectOneLineError(typo, /unknown option '--prot' \(Did you mean --port\?\)/);
      expectOneLineError(inUse, new RegExp(`port ${busyPort} on 127.0.0.1 is already in use`));
      expectOneLineError(badPort, /"port" must be integer \(got "4041x"\)/);
      expectOneLineError(badGuests, /"guests" must be integer \(got "lots"\)/);
      expectOneLineError(unknownCommand, /unknown command 'bogus'/);
    },
    SLOW,
  );

  it(
    'ctl: --help exits 0; a dead target is one sentence, with the stack only under --debug',
    async () => {
      const url = `http://127.0.0.1:${deadPort}`;
      const [help, dead, debug, version] = await Promise.all([
        mock(['ctl', '--help']),
        mock(['ctl', 'health', '--url', url]),
        mock(['ctl', 'health', '--url', url, '--debug']),
        mock(['--version']),
      ]);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/Usage: sevenrooms-mock ctl \[options\] <command>/);
      expect(help.stdout).toMatch(/clock advance/);
      expect(help.stdout).toMatch(/--url <url>[^]*\(default:\s+"http:\/\/127\.0\.0\.1:4010"\)/);
      expectOneLineError(dead, /cannot reach the mock at .* \(connection refused\)/, 1);
      expect(debug.code).toBe(1);
      expect(debug.stderr).toMatch(/^\s+at /m);
      expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    },
    SLOW,
  );
});

describe('sevenrooms-contracts errors', () => {
  it(
    'a dead target and a typo are one sentence each',
    async () => {
      const [dead, typo] = await Promise.all([
        contracts(['--target', `http://127.0.0.1:${deadPort}`]),
        contracts(['--formt', 'json']),
      ]);
      expectOneLineError(dead, /cannot reach the target at .* \(connection refused\)/, 1);
      expect(dead.stdout).toBe('');
      expectOneLineError(typo, /unknown option '--formt' \(Did you mean --format\?\)/);
    },
    SLOW,
  );
});

describe('stopping', () => {
  it(
    'SIGINT stops the binary cleanly: it says so, exits 0 and frees the port',
    async () => {
      const run = await startCommand(
        process.execPath,
        ['--import', 'tsx', 'mock-server/cli.ts', '--port', '0', ...EMPTY],
        {
          cwd: ROOT,
        },
      );
      expect((await fetch(`${run.url}/_mock/health`)).status).toBe(200);
      const exit = await run.stop('SIGINT');
      expect(exit.code).toBe(0);
      expect(exit.stdout).toMatch(/SIGINT received, shutting down…\nsevenrooms-mock: stopped\./);
      expect(await portIsFree(run.url)).toBe(true);
    },
    SLOW,
  );

  it(
    'a signal to the process `npm start` starts stops the server',
    async () => {
      const run = await startCommand('npm', ['start', '--silent', '--', '--port', '0', ...EMPTY], {
        cwd: ROOT,
      });
      expect((await fetch(`${run.url}/_mock/health`)).status).toBe(200);
      await run.stop('SIGTERM');
      expect(await portIsFree(run.url)).toBe(true);
    },
    SLOW,
  );
});
