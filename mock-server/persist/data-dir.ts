/**
 * The data directory's layout and its safety checks.
 *
 *   DIR/mock.json                 which program wrote it (format, version)
 *   DIR/worlds/<id>/world.json    the world's identity: seed, venues fingerprint, how it was asked for
 *   DIR/worlds/<id>/snapshot-N.ndjson full state at generation N (written to a temp file, then renamed)
 *   DIR/worlds/<id>/log-N.ndjson      changes after snapshot N, one JSON line each
 *
 * A directory written by another version, or a world seeded differently from what this process was
 * asked for, is refused with a plain message: mixing them would corrupt state silently.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../domain/model.js';
import { PACKAGE_ROOT } from '../spec/load-spec.js';
import { writeSnapshotFile } from './snapshot-file.js';

/** Bumped whenever the files' meaning changes. */
export const DATA_FORMAT = 1;

export class DataDirError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataDirError';
  }
}

export interface WorldManifest {
  format: number;
  mockVersion: string;
  worldId: string;
  seed: number;
  /** Hash of the venue, venue group and credential ids the world's records point at. */
  venues: string;
  /** How the world was asked for (scenario, clock, volume), so a restart can build it again. */
  request: Record<string, unknown>;
}

export function mockVersion(): string {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export function venuesFingerprint(catalog: Catalog): string {
  const ids = [
    ...[...catalog.venueGroups.keys()].sort(),
    ...[...catalog.venues.keys()].sort(),
    ...[...catalog.credentials.keys()].sort(),
  ];
  return createHash('sha256').update(ids.join('\n')).digest('hex').slice(0, 16);
}

export const worldsDir = (root: string) => join(root, 'worlds');
export const worldDir = (root: string, id: string) => join(root, 'worlds', id);
export const snapshotPath = (dir: string, gen: number) => join(dir, `snapshot-${gen}.ndjson`);
export const logPath = (dir: string, gen: number) => join(dir, `log-${gen}.ndjson`);

/** Creates DIR (and its marker) or checks that an existing one was written by this version. */
export function openDataDir(root: string): void {
  const marker = join(root, 'mock.json');
  const version = mockVersion();
  if (existsSync(marker)) {
    let found: { format?: unknown; mockVersion?: unknown };
    try {
      found = JSON.parse(readFileSync(marker, 'utf8')) as typeof found;
    } catch {
      throw new DataDirError(
        `${root} has an unreadable mock.json; it is not a sevenrooms-mock data directory`,
      );
    }
    if (found.format !== DATA_FORMAT || found.mockVersion !== version) {
      throw new DataDirError(
        `${root} was written by sevenrooms-mock ${String(found.mockVersion)} (data format ${String(found.format)}); ` +
          `this is ${version} (data format ${DATA_FORMAT}). Refusing to mix them: start with an empty --data-dir, ` +
          `or move the state across with GET /_mock/state (old version) and PUT /_mock/state (new one).`,
      );
    }
  } else {
    if (existsSync(root) && readdirSync(root).length > 0)
      throw new DataDirError(
        `${root} is not empty and holds no mock.json; refusing to write into a foreign directory`,
      );
    mkdirSync(worldsDir(root), { recursive: true });
    writeDurably(marker, JSON.stringify({ format: DATA_FORMAT, mockVersion: version }, null, 2));
  }
  mkdirSync(worldsDir(root), { recursive: true });
}

export function readWorldManifest(dir: string): WorldManifest | null {
  const path = join(dir, 'world.json');
  if (!existsSync(path)) return null;
  return JSON.parse(readFileSync(path, 'utf8')) as WorldManifest;
}

/** Refuses a world directory whose seed or venues differ from what this process would build. */
export function checkWorldManifest(dir: string, found: WorldManifest, expected: WorldManifest): void {
  if (found.seed !== expected.seed) {
    throw new DataDirError(
      `${dir} holds world "${found.worldId}" seeded with ${found.seed}, but this mock was asked for seed ${expected.seed}. ` +
        `Start with --seed ${found.seed}, or use another --data-dir.`,
    );
  }
  if (found.venues !== expected.venues) {
    throw new DataDirError(
      `${dir} holds world "${found.worldId}" built on other venues (fingerprint ${found.venues}, expected ${expected.venues}). ` +
        `Start with the same --venues/--scenario as when it was written, or use another --data-dir.`,
    );
  }
}

/** Writes a file and its directory entry to disk before returning. */
export function writeDurably(path: string, text: string): void {
  writeFileSync(path, text);
  const fd = openSync(path, 'r');
  fsyncSync(fd);
  closeSync(fd);
}

/** Snapshot and log generations present in a world directory, ascending. */
export function generations(dir: string): { snapshots: number[]; logs: number[] } {
  const snapshots: number[] = [];
  const logs: number[] = [];
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const s = /^snapshot-(\d+)\.ndjson$/.exec(name);
    if (s) snapshots.push(Number(s[1]));
    const l = /^log-(\d+)\.ndjson$/.exec(name);
    if (l) logs.push(Number(l[1]));
  }
  return { snapshots: snapshots.sort((a, b) => a - b), logs: logs.sort((a, b) => a - b) };
}

/** temp file, fsync, rename, fsync the directory: a snapshot is either all there or not there. */
export async function writeSnapshot(
  dir: string,
  gen: number,
  header: unknown,
  store: Record<string, unknown>,
): Promise<void> {
  const final = snapshotPath(dir, gen);
  const temp = `${final}.tmp`;
  const file = await fsp.open(temp, 'w');
  try {
    await writeSnapshotFile(file, header, store);
    await file.sync();
  } finally {
    await file.close();
  }
  await fsp.rename(temp, final);
  await syncDir(dir);
}

export async function syncDir(dir: string): Promise<void> {
  const handle = await fsp.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * The complete lines of a log. Bytes after the last newline are a write the crash interrupted — never
 * acknowledged — and are cut off the file; a line that does not parse anywhere else means damage,
 * and is refused rather than skipped.
 */
export function readLog(path: string): unknown[] {
  const bytes = readFileSync(path);
  const end = bytes.lastIndexOf(0x0a) + 1;
  if (end < bytes.length) truncateSync(path, end);
  const lines = bytes.subarray(0, end).toString('utf8').split('\n');
  lines.pop();
  return lines.map((line, i) => {
    try {
      return JSON.parse(line) as unknown;
    } catch {
      throw new DataDirError(`${path}: line ${i + 1} is damaged; the log cannot be replayed past it`);
    }
  });
}
