/**
 * Calls `report` with the whole seconds elapsed every `everyMs` until the returned function is
 * called: a sign of life during a long step that prints nothing of its own.
 */
export function reportProgress(report: (seconds: number) => void, everyMs = 5_000): () => void {
  const started = Date.now();
  const timer = setInterval(() => report(Math.round((Date.now() - started) / 1000)), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
