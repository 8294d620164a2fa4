/**
 * The snapshot file format: NDJSON, so neither writing nor reading ever builds one giant string (a
 * store of 200k reservations is hundreds of MB of JSON, near V8's string limit) and the writer can
 * yield to requests between chunks.
 *
 *   {"snapshot":"sevenrooms-mock-world","header":{...}}        clock, stream positions, config, webhooks
 *   {"scalars":{"version":1,"seq":123}}                        the store snapshot's non-array fields
 *   {"array":"reservations","keys":["seq","id",...],"count":N} then N lines, one record each:
 *   [1,"ahF...",...]                                           values in `keys` order, or
 *   {"seq":2,...}                                              the object itself when its keys differ
 *
 * Generic over the store: every array of records in `Store.snapshot()` is written this way, whatever
 * kinds other features add; records of one kind share their keys, so rows carry values only.
 */
import { readFileSync, type promises as fsp } from 'node:fs';
import { DataDirError } from './data-dir.js';

const MAGIC = 'sevenrooms-mock-world';
const CHUNK_CHARS = 4 * 2 ** 20;

function sameKeys(record: Record<string, unknown>, keys: readonly string[]): boolean {
  let n = 0;
  for (const k in record) {
    if (keys[n] !== k) return false;
    n++;
  }
  return n === keys.length;
}

/** The record as a row of values, or null when it does not fit `keys` (then it is written whole). */
function rowOf(record: Record<string, unknown>, keys: readonly string[]): string | null {
  if (!record || typeof record !== 'object' || Array.isArray(record) || !sameKeys(record, keys)) return null;
  let line = '[';
  for (let i = 0; i < keys.length; i++) {
    const value = record[keys[i]!];
    // An undefined field is absent in JSON; a row cannot say "absent", so such a record goes whole.
    if (value === undefined) return null;
    line += (i ? ',' : '') + JSON.stringify(value);
  }
  return `${line}]`;
}

/** Writes `header` and `store` to an open file in chunks, yielding between them. */
export async function writeSnapshotFile(
  file: fsp.FileHandle,
  header: unknown,
  store: Record<string, unknown>,
): Promise<void> {
  let chunk = `${JSON.stringify({ snapshot: MAGIC, header })}\n`;
  const flush = async (force: boolean) => {
    if (!force && chunk.length < CHUNK_CHARS) return;
    await file.write(chunk);
    chunk = '';
    // Let requests run between chunks: the data is a private copy, nothing can change under us.
    await new Promise<void>((resolve) => setImmediate(resolve));
  };
  const scalars: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(store)) {
    if (!Array.isArray(value)) {
      scalars[name] = value;
      continue;
    }
    const first = value[0] as Record<string, unknown> | undefined;
    const keys = first && typeof first === 'object' ? Object.keys(first) : [];
    chunk += `${JSON.stringify({ array: name, keys, count: value.length })}\n`;
    for (const record of value as Record<string, unknown>[]) {
      chunk += `${rowOf(record, keys) ?? JSON.stringify(record)}\n`;
      await flush(false);
    }
  }
  chunk += `${JSON.stringify({ scalars })}\n`;
  await flush(true);
}

/** Reads a snapshot written by {@link writeSnapshotFile}. */
export function readSnapshotFile(path: string): { header: unknown; store: Record<string, unknown> } {
  const bytes = readFileSync(path);
  let at = 0;
  const nextLine = (): unknown => {
    const end = bytes.indexOf(0x0a, at);
    if (end < 0) throw new DataDirError(`${path} ends early; the snapshot is incomplete`);
    const line = bytes.toString('utf8', at, end);
    at = end + 1;
    return JSON.parse(line) as unknown;
  };
  const first = nextLine() as { snapshot?: string; header?: unknown };
  if (first.snapshot !== MAGIC) throw new DataDirError(`${path} is not a sevenrooms-mock snapshot`);
  const store: Record<string, unknown> = {};
  while (at < bytes.length) {
    const head = nextLine() as {
      array?: string;
      keys?: string[];
      count?: number;
      scalars?: Record<string, unknown>;
    };
    if (head.scalars) {
      Object.assign(store, head.scalars);
      continue;
    }
    const keys = head.keys ?? [];
    const records: unknown[] = new Array(head.count ?? 0);
    for (let i = 0; i < records.length; i++) {
      const row = nextLine();
      if (Array.isArray(row)) {
        const record: Record<string, unknown> = {};
        for (let k = 0; k < keys.length; k++) record[keys[k]!] = row[k];
        records[i] = record;
      } else records[i] = row;
    }
    store[head.array!] = records;
  }
  return { header: first.header, store };
}
