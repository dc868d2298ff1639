import { silentMs } from './silent-spells';
import { isEmpty, isFull, isUsable, overlap, reportSpans, type Span } from './spans';
import type { CausedChange, DayInput, ReportForCard, StationDay } from './types';

const groupBy = <T extends { stationId: string }>(items: readonly T[]) => {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.stationId);
    if (group) group.push(item);
    else groups.set(item.stationId, [item]);
  }
  return groups;
};

/** A station's spans are back to back (each ends where the next report begins), so a spell is a run of empty spans. */
function longestEmptyMs(spans: readonly Span[]): number {
  let longest = 0;
  let current = 0;
  for (const span of spans) {
    current = isEmpty(span.report) ? current + span.end - span.start : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}

function counts(changes: readonly CausedChange[]) {
  const total = { rentals: 0, returns: 0, truckIn: 0, truckOut: 0, glitches: 0 };
  for (const change of changes) {
    if (change.cause === 'glitch') total.glitches++;
    else if (change.cause === 'riders') {
      if (change.delta < 0) total.rentals -= change.delta;
      else total.returns += change.delta;
    } else if (change.delta < 0) total.truckOut -= change.delta;
    else total.truckIn += change.delta;
  }
  return total;
}

/** A running sum of the system's rider bikes over the day's changes, for "was the system busy then?". */
function riderBikesBetween(changes: readonly CausedChange[]) {
  const riders = changes.filter((c) => c.cause === 'riders').map((c) => ({ at: c.reportedAt.getTime(), bikes: Math.abs(c.delta) }));
  riders.sort((a, b) => a.at - b.at);
  const times = riders.map((r) => r.at);
  const prefix = [0];
  for (const r of riders) prefix.push(prefix.at(-1)! + r.bikes);
  const firstAtOrAfter = (t: number) => {
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (times[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (from: number, to: number) => prefix[firstAtOrAfter(to)]! - prefix[firstAtOrAfter(from)]!;
}

const seconds = (ms: number) => Math.round(ms / 1000);

/**
 * Reports that only a feed glitch produced (a glitch change that the next change, also a glitch,
 * undoes): their state never existed, so they count as unobserved rather than as empty or full.
 */
function glitchStates(changes: readonly CausedChange[]): Set<number> {
  const sorted = [...changes].sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime());
  const fake = new Set<number>();
  for (const [i, change] of sorted.entries()) {
    if (change.cause === 'glitch' && sorted[i + 1]?.cause === 'glitch') fake.add(change.reportedAt.getTime());
  }
  return fake;
}

/** Every station's day, from its reports (state over time) and its changes' causes (who moved the bikes). */
export function reportDay(input: DayInput): StationDay[] {
  const from = input.dayStart.getTime();
  const to = input.dayEnd.getTime();
  const daytime = { start: Math.max(input.daytimeStart.getTime(), from), end: Math.min(input.daytimeEnd.getTime(), to) };
  const changesByStation = groupBy(input.changes);
  const systemRiderBikes = riderBikesBetween(input.changes);
  const reportsByStation = groupBy<ReportForCard>(input.reports);
  const busyThreshold = Math.max(1, reportsByStation.size);
  return [...reportsByStation].map(([stationId, reports]) => {
    const changes = changesByStation.get(stationId) ?? [];
    const fake = glitchStates(changes);
    const spans = reportSpans(reports, from, to).filter((span) => !fake.has(span.report.reportedAt.getTime()));
    const sum = (keep: (report: ReportForCard) => boolean, clip = (span: Span) => span.end - span.start) =>
      spans.reduce((total, span) => total + (keep(span.report) ? clip(span) : 0), 0);
    const inDaytime = (span: Span) => overlap(span, daytime.start, daytime.end);
    const riderTimes = changes.filter((c) => c.cause === 'riders').map((c) => c.reportedAt.getTime());
    return {
      stationId,
      observedSeconds: seconds(sum(() => true)),
      emptySeconds: seconds(sum(isEmpty)),
      fullSeconds: seconds(sum(isFull)),
      longestEmptySeconds: seconds(longestEmptyMs(spans)),
      daytimeSeconds: seconds(sum(() => true, inDaytime)),
      usableDaytimeSeconds: seconds(sum(isUsable, inDaytime)),
      ...counts(changes),
      silentSeconds: daytime.end > daytime.start ? seconds(silentMs(spans, riderTimes, daytime, busyThreshold, systemRiderBikes)) : 0,
    };
  });
}
