import path from 'node:path';
import { startProcess, startWorker, type RunningProcess } from './processes';

export interface LogLine {
  at: number;
  text: string;
}

export interface WatchedProcess extends RunningProcess {
  pid: number;
  /** Every stderr/stdout line since start (the RunningProcess ring keeps only the last 200). */
  lines: LogLine[];
  /** Resolves with the first line at or after `from` (an index into `lines`) that matches. */
  waitForLine(pattern: RegExp, timeoutMs: number, from?: number): Promise<LogLine>;
  /** Subscribes to future lines; returns the unsubscribe function. */
  onLine(listener: (line: LogLine) => void): () => void;
  /** SIGKILL, then waits for the exit. */
  kill(): Promise<void>;
}

/** Wraps a started process so its whole log can be searched and awaited line by line. */
export function watchProcess(running: RunningProcess): WatchedProcess {
  const lines: LogLine[] = [];
  const listeners = new Set<(line: LogLine) => void>();
  let partial = '';
  const take = (chunk: Buffer) => {
    const text = partial + chunk.toString('utf8');
    const parts = text.split('\n');
    partial = parts.pop() ?? '';
    for (const part of parts.filter(Boolean)) {
      const line = { at: Date.now(), text: part };
      lines.push(line);
      for (const listener of listeners) listener(line);
    }
  };
  running.child.stdout?.on('data', take);
  running.child.stderr?.on('data', take);
  const pid = running.child.pid;
  if (pid === undefined) throw new Error(`${running.name} did not start`);

  const onLine = (listener: (line: LogLine) => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };

  return {
    ...running,
    pid,
    lines,
    onLine,
    waitForLine(pattern, timeoutMs, from = 0) {
      const found = lines.slice(from).find((line) => pattern.test(line.text));
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        let settled = false;
        const settle = (outcome: () => void) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          unsubscribe();
          outcome();
        };
        const lastLines = () => running.output().split('\n').slice(-15).join('\n');
        const timer = setTimeout(
          () => settle(() => reject(new Error(`${running.name}: no line matching ${pattern} within ${timeoutMs} ms. Last lines:\n${lastLines()}`))),
          timeoutMs,
        );
        const unsubscribe = onLine((line) => {
          if (pattern.test(line.text)) settle(() => resolve(line));
        });
        void running.exited.then((code) =>
          settle(() => reject(new Error(`${running.name} exited (code ${code}) before logging a line matching ${pattern}:\n${lastLines()}`))),
        );
      });
    },
    async kill() {
      if (running.child.exitCode === null && running.child.signalCode === null) running.child.kill('SIGKILL');
      await running.exited;
    },
  };
}

/**
 * A worker run as one node process (`node --import tsx`), not through the tsx CLI: the CLI is a
 * parent that relays signals to a child, so a SIGKILL sent to it would leave the real worker running.
 */
export function startWorkerProcess(worker: 'producer' | 'consumer', env: Record<string, string>): WatchedProcess {
  return watchProcess(startProcess(worker, process.execPath, ['--import', 'tsx', path.join('workers', worker, 'index.ts')], env));
}

/** A worker started the way `npm run producer` / `npm run consumer` start it: through the tsx CLI. */
export function startWorkerCli(worker: 'producer' | 'consumer', env: Record<string, string>): WatchedProcess {
  return watchProcess(startWorker(worker, env));
}
