/**
 * How far a round's verdicts let the progress mark move: up to (not including) the first change
 * still unsettled, or to the window's end when every change in it is settled.
 */
export function settledThrough(verdicts: readonly { reportedAt: Date; settled: boolean }[], windowEnd: Date, previous: Date): Date {
  let firstUnsettled: number | null = null;
  for (const verdict of verdicts) {
    if (!verdict.settled && (firstUnsettled === null || verdict.reportedAt.getTime() < firstUnsettled)) firstUnsettled = verdict.reportedAt.getTime();
  }
  if (firstUnsettled === null) return windowEnd;
  // Times are whole milliseconds at most: 1 ms before it leaves that change (and its peers at the same time) to the next round.
  return new Date(Math.max(previous.getTime(), firstUnsettled - 1));
}
