import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

export type Spawned = Readonly<{
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill: (signal?: NodeJS.Signals) => Promise<void>;
}>;

/** What services run with (infra/up.sh too): a small young generation keeps RSS low after start (bench: memory). */
export const SERVICE_NODE_FLAGS = ['--max-semi-space-size=8'] as const;

/** Runs a TypeScript entry point as a real child process on this Node (which strips types itself). */
export const spawnNode = (entry: string, env: Record<string, string>): Spawned => {
  const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, entry], {
    env: { ...process.env, TZ: 'UTC', KAFKAJS_NO_PARTITIONER_WARNING: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const exited = once(child, 'exit').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
  }));
  return {
    child,
    output: () => out,
    exited,
    kill: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
};

/** Polls `url` until it answers 200 or the deadline passes. */
export const waitForHttp = async (url: string, timeoutMs = 30_000, spawned?: Spawned): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (spawned !== undefined && spawned.child.exitCode !== null)
      throw new Error(`process exited before ${url} was ready:\n${spawned.output().slice(-4000)}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${url}\n${spawned?.output().slice(-4000) ?? ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

/** Polls until `probe` returns a value other than undefined. */
export const eventually = async <T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};
