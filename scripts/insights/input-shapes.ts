import { CHANGE_CAUSES } from '../../lib/stations/insights/causes/types';
import { generateRun, MORNING_SETTING, scoreTheJob, SETTINGS } from './evaluation';
import type { ChangeInput } from './labelled-run';

/**
 * Which costs accuracy, the window or the input's shape? The classifier as the job runs it, on a whole day from
 * midnight and on the pipeline test's 05:00-11:00, with changes as the pipeline stores them and as if every report
 * were stored: npx tsx scripts/insights/input-shapes.ts [seed ...] (default 31 32, the pipeline test's seeds).
 */
const seeds = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [31, 32];
const windows = [SETTINGS[0], MORNING_SETTING].flatMap((setting) => (setting ? [setting] : []));
const inputs: readonly ChangeInput[] = ['stored', 'every-tick'];
const figure = (value: number | null) => (value === null ? '–' : value.toFixed(3));

console.log(`| seed | window | input | changes | ${CHANGE_CAUSES.map((c) => `${c} P | ${c} R`).join(' | ')} | worst hour |`);
console.log(`|${' --- |'.repeat(5 + 2 * CHANGE_CAUSES.length)}`);
for (const seed of seeds) {
  for (const setting of windows) {
    for (const input of inputs) {
      const run = generateRun(seed, setting, input);
      const { accuracy, worstHourlyError } = scoreTheJob(run);
      const cells = CHANGE_CAUSES.map((cause) => `${figure(accuracy.causes[cause].precision)} | ${figure(accuracy.causes[cause].recall)}`).join(' | ');
      console.log(`| ${seed} | ${setting.name} | ${input} | ${run.changes.length} | ${cells} | ${(100 * worstHourlyError).toFixed(1)} % |`);
    }
  }
}
