import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createLineSplitter } from './line-splitter';

const ROOT = path.join(import.meta.dirname, '..', '..');

export interface Child {
  name: string;
  process: ChildProcess;
  exited: Promise<number | null>;
  stop(timeoutMs?: number): Promise<number | null>;
}

/**
 * Runs one part in its own process group, so Ctrl-C reaches only the orchestrator, which then
 * stops each part once, in order. Output is prefixed with the part's name.
 */
export function startChild(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, readyPattern?: RegExp): { child: Child; ready: Promise<void> } {
  const proc = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const label = `[${name}]`.padEnd(11);
  let markReady: () => void = () => undefined;
  let markFailed: (error: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  if (!readyPattern) markReady();
  const relay = (from: NodeJS.ReadableStream | null, to: NodeJS.WriteStream) => {
    const lines = createLineSplitter((line) => {
      to.write(`${label} ${line}\n`);
      if (readyPattern?.test(line)) markReady();
    });
    from?.on('data', lines.push);
    from?.on('end', lines.end);
  };
  relay(proc.stdout, process.stdout);
  relay(proc.stderr, process.stderr);
  const exited = new Promise<number | null>((resolve) =>
    proc.once('exit', (code) => {
      markFailed(new Error(`${name} exited (code ${code ?? 'signal'}) before it was ready`));
      resolve(code);
    }),
  );
  const child: Child = {
    name,
    process: proc,
    exited,
    async stop(timeoutMs = 15_000) {
      if (proc.exitCode !== null || proc.signalCode !== null) return exited;
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
  return { child, ready };
}

export function binPath(name: string): string {
  return path.join(ROOT, 'node_modules', '.bin', name);
}

export { ROOT };
