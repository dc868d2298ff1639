/**
 * `compute`, run at most once per `intervalMs` however many callers ask: callers within the
 * interval share the same promise. A failed run is not kept, so the next caller tries again.
 */
export function oncePerInterval<T>(intervalMs: number, compute: () => Promise<T>, now: () => number = Date.now): () => Promise<T> {
  let last: { at: number; value: Promise<T> } | undefined;
  return () => {
    const at = now();
    if (!last || at - last.at >= intervalMs) {
      const value = compute();
      const entry = { at, value };
      last = entry;
      value.catch(() => {
        if (last === entry) last = undefined;
      });
    }
    return last.value;
  };
}
