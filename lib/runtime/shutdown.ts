import type { Logger } from './log';

export const REPEAT_GRACE_MS = 1_000;

/**
 * Two-stage shutdown: the first SIGINT/SIGTERM aborts the returned signal so work drains; a second
 * signal, or the drain taking longer than `forceAfterMs`, exits at once with code 1.
 */
export function handleShutdown(log: Logger, forceAfterMs = 10_000): AbortSignal {
  const controller = new AbortController();
  let firstAt = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    // Ctrl-C reaches this process twice at once (from the terminal and relayed by npm/tsx); only a
    // signal sent later means "stop now".
    if (controller.signal.aborted && Date.now() - firstAt < REPEAT_GRACE_MS) return;
    if (controller.signal.aborted) {
      log.warn('second signal, exiting now', { signal });
      process.exit(1);
    }
    firstAt = Date.now();
    log.info('shutting down', { signal });
    controller.abort();
    setTimeout(() => {
      log.error('shutdown took too long, exiting', { forceAfterMs });
      process.exit(1);
    }, forceAfterMs).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return controller.signal;
}
