import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { once } from 'node:events';

/** What a finished command printed and how it exited. */
export interface CommandResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion (killing it after `timeoutMs`) and collects its output. */
export async function runCommand(
  command: string,
  args: readonly string[],
  options: SpawnOptions & { timeoutMs?: number; input?: string } = {},
): Promise<CommandResult> {
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], ...options });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin?.end(options.input ?? '');
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
  clearTimeout(timer);
  return { code, signal, stdout, stderr };
}

/** A long-running command that printed a URL, e.g. the mock's "listening on http://…". */
export interface RunningCommand {
  child: ChildProcess;
  url: string;
  output(): string;
  /** Sends `signal` and resolves with the exit once the process (and its output) closed. */
  stop(signal?: NodeJS.Signals): Promise<CommandResult>;
}

/** Starts a command and resolves once its output matches `ready` (group 1 = the URL). */
export async function startCommand(
  command: string,
  args: readonly string[],
  options: SpawnOptions & { ready?: RegExp; timeoutMs?: number } = {},
): Promise<RunningCommand> {
  const ready = options.ready ?? /listening on (http:\/\/\S+)/;
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const closed = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} did not get ready:\n${stdout}\n${stderr}`));
    }, options.timeoutMs ?? 30_000);
    const check = () => {
      const m = ready.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] ?? '');
      }
    };
    child.stdout?.on('data', check);
    void closed.then(([code]) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited with ${code} before getting ready:\n${stdout}\n${stderr}`));
    });
  });
  return {
    child,
    url,
    output: () => stdout + stderr,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const [code, sig] = await closed;
      return { code, signal: sig, stdout, stderr };
    },
  };
}

/** True when nothing accepts connections on the URL's port any more. */
export async function portIsFree(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return false;
  } catch {
    return true;
  }
}
