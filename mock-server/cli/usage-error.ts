/** A command-line mistake: printed as one sentence, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A failure at run time that the user can fix (a dead target, a port in use): one sentence, exit code 1. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

/** A fetch that never got an answer, as one sentence: "connection refused", "timed out", ... */
export function unreachable(what: string, url: string, err: unknown): CliError | undefined {
  if (!(err instanceof TypeError) || err.message !== 'fetch failed') return undefined;
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const why =
    cause?.code === 'ECONNREFUSED'
      ? 'connection refused'
      : cause?.code === 'ENOTFOUND'
        ? 'no such host'
        : cause?.code === 'ECONNRESET'
          ? 'the connection was reset'
          : (cause?.code ?? cause?.message ?? 'no answer');
  return new CliError(`cannot reach ${what} at ${url} (${why}); is it running, and is the URL right?`);
}

/** Folds a multi-line message (a list of problems) into one line. */
export function oneLine(text: string): string {
  const [head = '', ...rest] = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const items = rest.filter((l) => l.startsWith('- ')).map((l) => l.slice(2));
  const other = rest.filter((l) => !l.startsWith('- '));
  return [items.length ? `${head} ${items.join('; ')}` : head, ...other].join(' ');
}

export function wholeNumber(flag: string, value: string | undefined, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  if (value === undefined || value.trim() === '' || !Number.isInteger(n) || n < 0) {
    throw new UsageError(`${flag} must be a whole number; got ${value}.`);
  }
  if (n > max) throw new UsageError(`${flag} must be at most ${max}; got ${value}.`);
  return n;
}

/** A TCP port: 0 (any free one) to 65535. */
export function portNumber(flag: string, value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 0 || n > 65535)
    throw new UsageError(`${flag} must be a port number from 0 to 65535 (0 picks a free one); got ${value}.`);
  return n;
}
