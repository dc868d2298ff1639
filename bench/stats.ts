export interface Summary {
  runs: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of an ascending array: the smallest value with at least q of the runs at or below it. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new Error('percentile of no values');
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1] as number;
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    min: sorted[0] as number,
    max: sorted.at(-1) as number,
    mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
  };
}

/** Runs `once` `warmup` times untimed, then `runs` times timed one after another; milliseconds. */
export async function timeRuns(runs: number, once: (run: number) => Promise<unknown>, warmup = Math.min(20, runs)): Promise<Summary> {
  for (let run = 0; run < warmup; run += 1) await once(run);
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await once(run);
    times.push(performance.now() - started);
  }
  return summarize(times);
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));

/**
 * Two measurements taken in turn, run by run (which one goes first alternates), so both see the
 * machine at the same moments: on this shared machine its speed moves within minutes.
 */
export async function timeInterleaved(runs: number, first: (run: number) => Promise<unknown>, second: (run: number) => Promise<unknown>, warmup = Math.min(20, runs)): Promise<[Summary, Summary]> {
  for (let run = 0; run < warmup; run += 1) {
    await first(run);
    await second(run);
  }
  const firstTimes: number[] = [];
  const secondTimes: number[] = [];
  const timed = async (measure: (run: number) => Promise<unknown>, times: number[], run: number) => {
    const started = performance.now();
    await measure(run);
    times.push(performance.now() - started);
  };
  for (let run = 0; run < runs; run += 1) {
    if (run % 2 === 0) {
      await timed(first, firstTimes, run);
      await timed(second, secondTimes, run);
    } else {
      await timed(second, secondTimes, run);
      await timed(first, firstTimes, run);
    }
  }
  return [summarize(firstTimes), summarize(secondTimes)];
}
