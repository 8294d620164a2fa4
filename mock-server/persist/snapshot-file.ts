/**
 * The snapshot file format: NDJSON, so neither writing nor reading ever builds one giant string (a
 * store of 200k reservations is hundreds of MB of JSON, near V8's string limit) and the writer can
 * yield to requests between chunks.
 *
 *   {"snapshot":"sevenrooms-mock-world","header":{...}}        clock, stream positions, config, webhooks
 *   {"scalars":{"version":1,"seq":123}}                        the store snapshot's non-array fields
 *   {"array":"reservations","count":N}                         then N lines, one record each
 *   {"seq":1,"id":"ahF...",...}
 *
 * Generic over the store: every array of records in `Store.snapshot()` is written this way, whatever
 * kinds other features add. (Rows of bare values under one key list made the file a third smaller
 * but decoding 1.5–2× slower than V8's JSON.parse building the objects itself; restart time won.)
 */
import { readFileSync, type promises as fsp } from 'node:fs';
import { DataDirError } from './data-dir.js';

const MAGIC = 'sevenrooms-mock-world';
const CHUNK_CHARS = 4 * 2 ** 20;

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
    chunk += `${JSON.stringify({ array: name, count: value.length })}\n`;
    for (const record of value as unknown[]) {
      chunk += `${JSON.stringify(record)}\n`;
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
    const records: unknown[] = new Array(head.count ?? 0);
    for (let i = 0; i < records.length; i++) records[i] = nextLine();
    store[head.array!] = records;
  }
  return { header: first.header, store };
}
