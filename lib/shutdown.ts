import type { Logger } from './log';

/**
 * Two-stage shutdown: the first SIGINT/SIGTERM aborts the returned signal so work drains; a second
 * signal, or the drain taking longer than `forceAfterMs`, exits at once with code 1.
 */
export function handleShutdown(log: Logger, forceAfterMs = 10_000): AbortSignal {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      log.warn('second signal, exiting now', { signal });
      process.exit(1);
    }
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
