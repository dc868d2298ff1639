import type { CauseScore } from '../../lib/stations/insights/causes/accuracy';
import { CHANGE_CAUSES } from '../../lib/stations/insights/causes/types';
import { evaluateRun, generateRun, SETTINGS, SLOW_FEED_SETTINGS, TUNING_SEEDS } from './evaluation';

/** Prints the accuracy table of INSIGHTS.md: npx tsx scripts/insights/causes-accuracy.ts [seed ...] */
const seeds = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [...TUNING_SEEDS, 7, 8, 9];
const figure = (value: number | null) => (value === null ? '–' : value.toFixed(3));
const cells = (score: CauseScore) => `${figure(score.precision)} | ${figure(score.recall)}`;

console.log(`| setting | seed | changes | method | ${CHANGE_CAUSES.map((c) => `${c} P | ${c} R`).join(' | ')} | worst hour rentals/returns |`);
console.log(`|${' --- |'.repeat(5 + 2 * CHANGE_CAUSES.length)}`);
for (const setting of [...SETTINGS, ...SLOW_FEED_SETTINGS]) {
  for (const seed of seeds) {
    const run = generateRun(seed, setting);
    for (const result of evaluateRun(run)) {
      const causes = CHANGE_CAUSES.map((cause) => cells(result.accuracy.causes[cause])).join(' | ');
      const worst = `${(100 * result.worstHourlyError).toFixed(1)} %`;
      console.log(`| ${setting.name} | ${seed} | ${run.changes.length} | ${result.method} | ${causes} | ${worst} |`);
    }
  }
}
