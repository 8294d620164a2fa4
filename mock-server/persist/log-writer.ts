/**
 * Appends lines to a log file with group commit: lines arriving while a write + fdatasync is under
 * way wait for the next one, so fifty concurrent bookings cost one disk sync, not fifty. Batches are
 * written strictly in order, and switching files waits for the old file's last batch, so a line is
 * never acknowledged before every line appended before it is on disk.
 */
import { promises as fsp } from 'node:fs';

interface Batch {
  file: fsp.FileHandle;
  lines: string[];
  waiters: { resolve: () => void; reject: (err: unknown) => void }[];
}

export class LogWriter {
  #file: fsp.FileHandle;
  #path: string;
  /** Batches not yet written, in order; the last one may still take lines (`#open`). */
  #queue: Batch[] = [];
  #open: Batch | null = null;
  #flushing: Promise<void> | null = null;
  /** Files replaced by {@link LogWriter.switchTo}, closed once their batches are written. */
  #retired: fsp.FileHandle[] = [];
  #bytes = 0;
  #failed: unknown = null;
  /** Settles once every batch handed to the disk so far is synced (rejects if one failed). */
  #durable: Promise<void> = Promise.resolve();

  private constructor(file: fsp.FileHandle, path: string, bytes: number) {
    this.#file = file;
    this.#path = path;
    this.#bytes = bytes;
  }

  static async open(path: string): Promise<LogWriter> {
    const file = await fsp.open(path, 'a');
    const { size } = await file.stat();
    return new LogWriter(file, path, size);
  }

  get path(): string {
    return this.#path;
  }

  /** Bytes in the current file. */
  get bytes(): number {
    return this.#bytes;
  }

  /** Queues `line` (no newline); resolves once it and every line before it are on disk. */
  append(line: string): Promise<void> {
    if (this.#failed) return Promise.reject(this.#failed);
    let batch = this.#open;
    if (!batch) {
      batch = { file: this.#file, lines: [], waiters: [] };
      this.#open = batch;
      this.#queue.push(batch);
    }
    batch.lines.push(line);
    this.#bytes += line.length + 1;
    const done = new Promise<void>((resolve, reject) => batch.waiters.push({ resolve, reject }));
    this.#flushing ??= this.#run();
    return done;
  }

  /** Opens the file a later {@link LogWriter.switchTo} moves to (the async half of a switch). */
  static openNext(path: string): Promise<fsp.FileHandle> {
    return fsp.open(path, 'a');
  }

  /**
   * Sends later appends to `next` (synchronously, so a caller can snapshot state and switch in one
   * step); the current file is closed once its queued lines are synced.
   */
  switchTo(next: fsp.FileHandle, path: string): void {
    this.#retired.push(this.#file);
    this.#open = null;
    this.#file = next;
    this.#path = path;
    this.#bytes = 0;
    this.#flushing ??= this.#run();
  }

  /** Resolves once every line appended so far is on disk. */
  async drain(): Promise<void> {
    while (this.#flushing) await this.#flushing;
    await this.#durable.catch(() => {});
  }

  async close(): Promise<void> {
    await this.drain();
    await this.#file.close();
  }

  async #run(): Promise<void> {
    // Let the requests of this event-loop turn join the batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    // Lines appended while a file closes join the queue; only an empty queue, checked with no await
    // before clearing #flushing, ends the run.
    do {
      while (this.#queue.length > 0) {
        const batch = this.#queue.shift()!;
        if (batch === this.#open) this.#open = null;
        await this.#write(batch);
      }
      if (this.#retired.length > 0) {
        await this.#durable.catch(() => {});
        for (const file of this.#retired.splice(0)) await file.close().catch(() => {});
      }
    } while (this.#queue.length > 0);
    this.#flushing = null;
  }

  /**
   * Writes one batch, then starts its sync without waiting for it: the next batch is written while
   * the disk syncs this one (writes stay in order; a sync covers every write before it). A batch is
   * acknowledged once its own sync and every earlier batch's acknowledgement are done, so
   * acknowledgements keep the log's order.
   */
  async #write(batch: Batch): Promise<void> {
    try {
      if (this.#failed) throw this.#failed;
      await batch.file.write(batch.lines.join('\n') + '\n');
    } catch (err) {
      this.#fail(batch, err);
      return;
    }
    const earlier = this.#durable;
    const synced = batch.file.datasync();
    const mine = earlier.then(() => synced);
    this.#durable = mine;
    mine.then(
      () => {
        for (const w of batch.waiters) w.resolve();
      },
      (err: unknown) => this.#fail(batch, err),
    );
    // The sync's own rejection is handled through `mine`.
    synced.catch(() => {});
  }

  /** A failed write or sync may have left part of a line: nothing after it can be trusted to land. */
  #fail(batch: Batch, err: unknown): void {
    this.#failed ??= err;
    for (const w of batch.waiters) w.reject(err);
  }
}
