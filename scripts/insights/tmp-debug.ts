import { scoreCauses, truthOf } from '../../lib/stations/insights/causes/accuracy';
import { classifyChanges } from '../../lib/stations/insights/causes/classify';
import { generateRun, SETTINGS } from './evaluation';
const seed = Number(process.argv[2]), setting = SETTINGS[Number(process.argv[3])]!;
const run = generateRun(seed, setting);
const verdicts = classifyChanges({ changes: run.changes, stations: run.stations, timeZone: run.timeZone, at: new Date(run.endMs) });
const acc = scoreCauses(run.labels, run.changes.map((c, i) => ({ ...c, cause: verdicts[i]!.cause })));
for (const h of acc.hours) console.log(h.start.toISOString().slice(11,16), h.rentals.truth, h.rentals.estimate, h.returns.truth, h.returns.estimate, ((h.rentals.estimate/h.rentals.truth-1)*100).toFixed(1), ((h.returns.estimate/h.returns.truth-1)*100).toFixed(1));
const byStation = new Map<string, typeof run.labels>();
for (const l of run.labels) { const a = byStation.get(l.stationId) ?? []; a.push(l); byStation.set(l.stationId, a); }
const hourFilter = process.argv[4];
run.changes.forEach((c, i) => {
  const t = truthOf(byStation.get(c.stationId) ?? [], c);
  const d = c.bikes - c.prevBikes;
  const v = verdicts[i]!;
  const trueCause = t.glitch !== 0 ? 'glitch' : Math.abs(t.trucks) > Math.abs(t.riders) ? 'rebalancing' : 'riders';
  if (trueCause !== v.cause && (hourFilter ? c.reportedAt.toISOString().slice(11,13) === hourFilter : Math.abs(d) >= 3)) console.log(c.reportedAt.toISOString().slice(11,16), c.stationId, c.prevBikes, '->', c.bikes, c.prevDocks, '->', c.docks, v.rule, JSON.stringify(t));
});
