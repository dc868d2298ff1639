import type { Database } from '../../lib/db/client';
import { tryLockSystem, type CauseState } from '../../lib/queries/change-causes';
import {
  firstLocalDay,
  listCausedChanges,
  listReportsForDay,
  localDayBounds,
  localDayOf,
  setReportProgress,
  storeStationDays,
} from '../../lib/queries/report-days';
import { reportDay } from '../../lib/stations/insights/report-card/day-report';
import { addDays, daysBetween } from '../../lib/time/calendar-day';

/** Final days computed a round, so a first run over months of history is many short rounds. */
const FINAL_DAYS_PER_ROUND = 3;
/** Today's cards are partial and recomputed this often: a day of Oslo's reports takes tens of milliseconds. */
export const TODAY_REFRESH_MS = 30_000;

async function reportOneDay(db: Pick<Database, 'execute'>, state: CauseState, day: string, until: Date): Promise<void> {
  const bounds = await localDayBounds(db, state.timeZone, day);
  const dayEnd = new Date(Math.min(bounds.nextMidnight.getTime(), until.getTime()));
  if (dayEnd <= bounds.dayStart) return;
  const reports = await listReportsForDay(db, state.systemId, bounds.dayStart, dayEnd);
  const changes = await listCausedChanges(db, state.systemId, bounds.dayStart, dayEnd);
  await storeStationDays(db, state.systemId, day, reportDay({ ...bounds, dayEnd, reports, changes }));
}

/**
 * Keeps station_day_report: a day is final once every change in it has a settled cause (it ends
 * at or before the progress mark); the days after that, up to the feed's latest update, are
 * recomputed as partial days every few minutes. Returns true when there is more to do now.
 */
export async function reportRound(db: Database, state: CauseState, now = new Date()): Promise<boolean> {
  if (state.through === null || state.at === null) return false;
  const settledDay = await localDayOf(db, state.timeZone, state.through);
  const lastFinal = addDays(settledDay, -1);
  const first = state.reportedThrough ? addDays(state.reportedThrough, 1) : await firstLocalDay(db, state.systemId, state.timeZone);
  if (first === null) return false;
  const finalDays = daysBetween(first, lastFinal).slice(0, FINAL_DAYS_PER_ROUND);
  const { through, at } = state;
  return db.transaction(async (tx) => {
    if (!(await tryLockSystem(tx, state.systemId))) return false;
    for (const day of finalDays) await reportOneDay(tx, state, day, through);
    const reportedThrough = finalDays.at(-1) ?? state.reportedThrough;
    const moreFinal = reportedThrough !== null && reportedThrough < lastFinal;
    let todayReportedAt = state.todayReportedAt;
    if (!moreFinal && (todayReportedAt === null || now.getTime() - todayReportedAt.getTime() >= TODAY_REFRESH_MS)) {
      const today = await localDayOf(tx, state.timeZone, at);
      // A partial day runs to just after the latest update, so the changes made at that update count.
      const until = new Date(at.getTime() + 1);
      for (const day of daysBetween(addDays(lastFinal, 1), today)) await reportOneDay(tx, state, day, until);
      todayReportedAt = now;
    }
    await setReportProgress(tx, state.systemId, { reportedThrough, todayReportedAt });
    return moreFinal;
  });
}
