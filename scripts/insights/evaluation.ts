import { scoreCauses, worstHourlyError, type CauseAccuracy } from '../../lib/stations/insights/causes/accuracy';
import { CAUSE_SETTLE_MS, classifyChanges } from '../../lib/stations/insights/causes/classify';
import type { ChangeCause } from '../../lib/stations/insights/causes/types';
import type { LabelledSettings } from '../../workers/simulator/labelled-settings';
import { everyChangeRiders, jumpIsTruck } from './baselines';
import { classifyLikeTheJob } from './incremental';
import { runLabelledCity, type ChangeInput, type LabelledRun } from './labelled-run';

export interface EvaluationSetting {
  name: string;
  stations: number;
  hours: number;
  settings: Partial<LabelledSettings>;
  /** Unix seconds of the first tick; default RUN_START_SECONDS (midnight). */
  startSeconds?: number;
}

/**
 * The settings the rules are held to: a 250-station city reporting every minute, a 1000-station one with twice the
 * trucks per station, and single-station glitches alone (a whole-system blip moves every bike twice and would hide them).
 */
export const SETTINGS: readonly EvaluationSetting[] = [
  { name: '250 stations, 6 trucks/h', stations: 250, hours: 24, settings: { trucksPerHour: 6 } },
  { name: '1000 stations, 48 trucks/h', stations: 1000, hours: 24, settings: { trucksPerHour: 12, glitchesPerHour: 3 } },
  { name: '250 stations, 12 glitches/h, no blips', stations: 250, hours: 24, settings: { glitchesPerHour: 12, blipsPerHour: 0 } },
];

/** Reports every 5 or 20 minutes instead of every minute: riders and trucks mix within a report. Measured, not held to the targets. */
export const SLOW_FEED_SETTINGS: readonly EvaluationSetting[] = [
  { name: '250 stations, 5-minute reports', stations: 250, hours: 24, settings: { tickSeconds: 300 } },
  { name: '250 stations, 20-minute reports (as Oslo)', stations: 250, hours: 24, settings: { tickSeconds: 1200 } },
];

/** 05:00 in the simulated city, the Tuesday of RUN_START_SECONDS: where the pipeline test starts. */
export const MORNING_START_SECONDS = Date.parse('2024-09-10T05:00:00+02:00') / 1000;

/** The pipeline test's window: 6 hours from 05:00, the last night trucks then the morning commute. */
export const MORNING_SETTING: EvaluationSetting = { name: '250 stations, 05:00-11:00 (as the pipeline test)', stations: 250, hours: 6, settings: {}, startSeconds: MORNING_START_SECONDS };

/** Seeds the thresholds were tuned on; the tests hold the rules to other seeds. */
export const TUNING_SEEDS = [101, 102] as const;

/** Midnight in the simulated city, a Tuesday: a whole day, night moves and commutes included. */
export const RUN_START_SECONDS = Date.parse('2024-09-10T00:00:00+02:00') / 1000;

/** How often (in feed time) the incremental job is emulated to run. */
export const JOB_STEP_MS = 10 * 60_000;

export interface MethodResult {
  method: string;
  accuracy: CauseAccuracy;
  worstHourlyError: number;
}

/** Scores the changes of the setting's hours; the run goes on for the settle horizon after them, so every verdict scored is final. */
const score = (run: LabelledRun, method: string, causes: readonly ChangeCause[]): MethodResult => {
  const scoredUntil = run.endMs - CAUSE_SETTLE_MS;
  const changes = run.changes.flatMap((change, i) => (change.reportedAt.getTime() <= scoredUntil ? [{ ...change, cause: causes[i] ?? 'riders' }] : []));
  const accuracy = scoreCauses(run.labels, changes);
  return { method, accuracy, worstHourlyError: worstHourlyError(accuracy.hours) };
};

/** The setting's run, with changes as the pipeline stores them unless `input` says otherwise. */
export function generateRun(seed: number, setting: EvaluationSetting, input: ChangeInput = 'stored'): LabelledRun {
  const hours = setting.hours + CAUSE_SETTLE_MS / 3_600_000;
  const startSeconds = setting.startSeconds ?? RUN_START_SECONDS;
  return runLabelledCity({ seed, stations: setting.stations, hours, startSeconds, settings: setting.settings, input });
}

/** The classifier as the job runs it: the figure that counts. */
export const scoreTheJob = (run: LabelledRun): MethodResult =>
  score(run, 'classifier (as the job)', classifyLikeTheJob(run, JOB_STEP_MS).map((verdict) => verdict.cause));

/** The classifier as the job runs it, in one pass over the whole run, and the baselines. */
export function evaluateRun(run: LabelledRun): MethodResult[] {
  const batch = classifyChanges({ changes: run.changes, stations: run.stations, timeZone: run.timeZone, at: new Date(run.endMs) });
  return [
    scoreTheJob(run),
    score(run, 'classifier (one pass)', batch.map((verdict) => verdict.cause)),
    score(run, 'baseline: all riders', everyChangeRiders(run.changes)),
    score(run, 'baseline: a jump of 4 or more is a truck', jumpIsTruck(4)(run.changes)),
  ];
}
