import type { StationTickLabel } from './labels';
import { CHANGE_CAUSES, type ChangeCause, type ChangeForCause } from './types';

export interface ChangeWithCause extends ChangeForCause {
  cause: ChangeCause;
}

/** Bikes moved, by cause: what the classifier gave each cause, what each cause truly moved, and the overlap. */
export interface CauseScore {
  predictedBikes: number;
  trueBikes: number;
  correctBikes: number;
  /** correct / predicted and correct / true; null when there is nothing to divide by. */
  precision: number | null;
  recall: number | null;
}

export interface HourOfRiders {
  start: Date;
  rentals: { truth: number; estimate: number };
  returns: { truth: number; estimate: number };
}

export interface CauseAccuracy {
  causes: Record<ChangeCause, CauseScore>;
  hours: HourOfRiders[];
  /** Bikes in changes the labels do not explain (should be 0: a label gap or a mismatched run). */
  unexplainedBikes: number;
}

/** What truly moved one change: riders' and trucks' net over its interval, and the glitch's share of the jump. */
export interface ChangeTruth {
  riders: number;
  trucks: number;
  glitch: number;
}

const HOUR_MS = 3_600_000;

function labelsByStation(labels: readonly StationTickLabel[]) {
  const byStation = new Map<string, StationTickLabel[]>();
  for (const label of labels) {
    const list = byStation.get(label.stationId);
    if (list) list.push(label);
    else byStation.set(label.stationId, [label]);
  }
  for (const list of byStation.values()) list.sort((a, b) => a.at - b.at);
  return byStation;
}

/** First index whose label is after `time`. */
function firstAfter(list: readonly StationTickLabel[], time: number): number {
  let [low, high] = [0, list.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((list[middle]?.at ?? 0) > time) high = middle;
    else low = middle + 1;
  }
  return low;
}

export function truthOf(list: readonly StationTickLabel[], change: ChangeForCause): ChangeTruth & { residual: number } {
  const [from, to] = [change.prevReportedAt.getTime(), change.reportedAt.getTime()];
  let [riders, trucks, glitched] = [0, 0, false];
  const start = firstAfter(list, from);
  if (list[start - 1]?.at === from && list[start - 1]?.glitch === true) glitched = true;
  for (let i = start; i < list.length && (list[i]?.at ?? Infinity) <= to; i++) {
    const label = list[i];
    if (label === undefined) continue;
    riders += label.ridersBrought - label.ridersTaken;
    trucks += label.trucksBrought - label.trucksTaken;
    if (label.at === to && label.glitch) glitched = true;
  }
  const residual = change.bikes - change.prevBikes - riders - trucks;
  return { riders, trucks, glitch: glitched ? residual : 0, residual: glitched ? 0 : residual };
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/**
 * Precision and recall per cause on bikes moved (a change's |delta| goes to its verdict; the truth splits it into
 * riders' and trucks' net and the glitch's share), and riders' rentals and returns per hour against what the
 * reports could show: riders' net per change, as the LAG view sees it.
 */
export function scoreCauses(labels: readonly StationTickLabel[], changes: readonly ChangeWithCause[]): CauseAccuracy {
  const byStation = labelsByStation(labels);
  const totals = Object.fromEntries(CHANGE_CAUSES.map((cause) => [cause, { predicted: 0, truth: 0, correct: 0 }]));
  const hours = new Map<number, HourOfRiders>();
  let unexplainedBikes = 0;
  for (const change of changes) {
    const truth = truthOf(byStation.get(change.stationId) ?? [], change);
    const moved = Math.abs(change.bikes - change.prevBikes);
    const truthByCause: Record<ChangeCause, number> = { riders: Math.abs(truth.riders), rebalancing: Math.abs(truth.trucks), glitch: Math.abs(truth.glitch) };
    unexplainedBikes += Math.abs(truth.residual);
    for (const cause of CHANGE_CAUSES) {
      const total = totals[cause];
      if (total === undefined) continue;
      total.truth += truthByCause[cause];
      if (change.cause !== cause) continue;
      total.predicted += moved;
      total.correct += Math.min(moved, truthByCause[cause]);
    }
    const hourStart = Math.floor(change.reportedAt.getTime() / HOUR_MS) * HOUR_MS;
    let hour = hours.get(hourStart);
    if (!hour) hours.set(hourStart, (hour = { start: new Date(hourStart), rentals: { truth: 0, estimate: 0 }, returns: { truth: 0, estimate: 0 } }));
    hour.rentals.truth += Math.max(0, -truth.riders);
    hour.returns.truth += Math.max(0, truth.riders);
    if (change.cause !== 'riders') continue;
    hour.rentals.estimate += Math.max(0, change.prevBikes - change.bikes);
    hour.returns.estimate += Math.max(0, change.bikes - change.prevBikes);
  }
  const scoreOf = (cause: ChangeCause): CauseScore => {
    const { predicted = 0, truth = 0, correct = 0 } = totals[cause] ?? {};
    return { predictedBikes: predicted, trueBikes: truth, correctBikes: correct, precision: ratio(correct, predicted), recall: ratio(correct, truth) };
  };
  const causes = { riders: scoreOf('riders'), rebalancing: scoreOf('rebalancing'), glitch: scoreOf('glitch') };
  return { causes, hours: [...hours.values()].sort((a, b) => a.start.getTime() - b.start.getTime()), unexplainedBikes };
}

/** The largest relative error of hourly rentals or returns, over hours where riders moved at least `minBikes` each way. */
export function worstHourlyError(hours: readonly HourOfRiders[], minBikes = 50): number {
  let worst = 0;
  for (const hour of hours) {
    for (const { truth, estimate } of [hour.rentals, hour.returns]) {
      if (truth >= minBikes) worst = Math.max(worst, Math.abs(estimate - truth) / truth);
    }
  }
  return worst;
}
