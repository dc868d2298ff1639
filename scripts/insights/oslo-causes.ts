import path from 'node:path';
import { classifyChanges } from '../../lib/stations/insights/causes/classify';
import { CHANGE_CAUSES, type ChangeCause } from '../../lib/stations/insights/causes/types';
import { loadRecordedChanges } from './oslo-changes';
import { summariseCauses } from './cause-summary';

/** What the classifier says about recorded Oslo days: npx tsx scripts/insights/oslo-causes.ts [folder] */
const folder = process.argv[2] ?? path.join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'gbfs', 'oslo');
const recorded = await loadRecordedChanges(folder);
const at = new Date((recorded.snapshots.at(-1) ?? 0) + 1);
const verdicts = classifyChanges({ changes: recorded.changes, stations: recorded.stations, timeZone: 'Europe/Oslo', at });
const summary = summariseCauses(recorded.changes, verdicts, 'Europe/Oslo');
const share = (bikes: Record<ChangeCause, number>) => {
  const total = CHANGE_CAUSES.reduce((sum, cause) => sum + bikes[cause], 0);
  return CHANGE_CAUSES.map((cause) => `${((100 * bikes[cause]) / Math.max(1, total)).toFixed(1)} %`).join(' | ');
};

console.log(`${recorded.snapshots.length} snapshots, ${recorded.changes.length} changes, ${recorded.stations.size} stations`);
console.log(`\n| | changes | bikes moved | ${CHANGE_CAUSES.join(' | ')} |\n|---|---|---|---|---|---|`);
for (const [name, part] of [['all', summary.all], ['night (01-05)', summary.night], ['day (07-22)', summary.day]] as const) {
  console.log(`| ${name} | ${part.changes} | ${part.total} | ${share(part.bikes)} |`);
}
console.log(`\n| local hour | bikes moved | ${CHANGE_CAUSES.join(' | ')} |\n|---|---|---|---|---|`);
summary.byHour.forEach((hour, h) => console.log(`| ${String(h).padStart(2, '0')} | ${hour.total} | ${share(hour.bikes)} |`));
console.log('\n| rule | changes | bikes |\n|---|---|---|');
for (const [rule, { changes, bikes }] of [...summary.byRule].sort((a, b) => b[1].bikes - a[1].bikes)) console.log(`| ${rule} | ${changes} | ${bikes} |`);
console.log('\n|delta| by gap (share of changes with |delta| >= k):');
for (const [gap, counts] of summary.jumpSizes) console.log(`  ${gap}: ${counts}`);
console.log('\nexamples:');
const nameOf = (id: string) => recorded.names.get(id) ?? id;
const local = (date: Date) => date.toLocaleString('en-GB', { timeZone: 'Europe/Oslo' });
for (const rule of summary.byRule.keys()) {
  const examples = recorded.changes.flatMap((change, i) => (verdicts[i]?.rule === rule ? [change] : [])).slice(0, 4);
  for (const c of examples) console.log(`  ${rule}: ${nameOf(c.stationId)} ${local(c.prevReportedAt)} -> ${local(c.reportedAt)}: bikes ${c.prevBikes} -> ${c.bikes}, docks ${c.prevDocks} -> ${c.docks}`);
}
