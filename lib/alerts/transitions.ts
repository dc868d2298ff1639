import type { Alert } from './alerts-file';

/** What the worker knows of one station: its latest report, as the status topic gave it. */
export interface StationReport {
  systemId: string;
  stationId: string;
  reportedAt: Date;
  bikes: number;
  docks: number | null;
}

/** Whether an alert's condition holds at a station, and since which report. */
export interface ConditionState {
  since: Date | null;
}

export type TransitionState = 'started' | 'ended';

export interface Transition {
  alert: Alert;
  systemId: string;
  stationId: string;
  state: TransitionState;
  /** When the condition started: with the alert, station and state, the transition's key. */
  startedAt: Date;
  /** The report that made the transition (for not_reporting: the report that showed the silence). */
  at: Date;
  bikes: number | null;
  docks: number | null;
}

export const stateKey = (alertId: string, systemId: string, stationId: string) => `${alertId}\u0000${systemId}\u0000${stationId}`;
const stationKey = (systemId: string, stationId: string) => `${systemId}\u0000${stationId}`;

/** The condition of a counting alert, judged on one report. */
export function conditionHolds(alert: Alert, report: StationReport): boolean {
  switch (alert.when) {
    case 'empty':
      return report.bikes === 0;
    case 'full':
      return report.docks === 0;
    case 'bikes_below':
      return report.bikes < (alert.threshold ?? 0);
    case 'docks_below':
      return report.docks !== null && report.docks < (alert.threshold ?? 0);
    case 'not_reporting':
      return false;
  }
}

/**
 * Turns reports into transitions, remembering per alert and station whether the condition holds.
 * A station is not reporting once a report of its system is `silenceMs` newer than its own latest
 * (feed time, as lib/stations/station-reporting.ts judges it); the silence ends with its next report.
 */
export class TransitionTracker {
  private readonly conditions = new Map<string, ConditionState>();
  /** Each watched station's latest report: read from the topic, or the store's at a restart (for silences). */
  private readonly latest = new Map<string, StationReport>();
  /** The latest report read from the topic, against which an older one is ignored. */
  private readonly latestRead = new Map<string, Date>();
  private readonly byStation = new Map<string, Alert[]>();
  private readonly silenceAlerts = new Map<string, { alert: Alert; stationId: string }[]>();

  constructor(
    alerts: readonly Alert[],
    private readonly silenceMs: number,
  ) {
    for (const alert of alerts) {
      for (const stationId of alert.stations) {
        const key = stationKey(alert.system, stationId);
        this.byStation.set(key, [...(this.byStation.get(key) ?? []), alert]);
        if (alert.when === 'not_reporting') this.silenceAlerts.set(alert.system, [...(this.silenceAlerts.get(alert.system) ?? []), { alert, stationId }]);
      }
    }
  }

  /** What was stored: conditions that started and have not ended, and each station's latest report time. */
  restore(active: readonly { alertId: string; systemId: string; stationId: string; startedAt: Date }[], latest: readonly StationReport[]): void {
    for (const entry of active) this.conditions.set(stateKey(entry.alertId, entry.systemId, entry.stationId), { since: entry.startedAt });
    for (const report of latest) if (this.byStation.has(stationKey(report.systemId, report.stationId))) this.latest.set(stationKey(report.systemId, report.stationId), report);
  }

  /** The transitions one report makes, in order; a report older than the station's latest is ignored. */
  observe(report: StationReport): Transition[] {
    const key = stationKey(report.systemId, report.stationId);
    const transitions = this.noticeSilences(report);
    const alerts = this.byStation.get(key);
    if (!alerts) return transitions;
    const previous = this.latestRead.get(key);
    if (previous && previous >= report.reportedAt) return transitions;
    this.latestRead.set(key, report.reportedAt);
    this.latest.set(key, report);
    for (const alert of alerts) {
      const holds = alert.when === 'not_reporting' ? false : conditionHolds(alert, report);
      const transition = this.move(alert, report.systemId, report.stationId, holds, report.reportedAt, report);
      if (transition) transitions.push(transition);
    }
    return transitions;
  }

  private noticeSilences(clock: StationReport): Transition[] {
    const transitions: Transition[] = [];
    for (const { alert, stationId } of this.silenceAlerts.get(clock.systemId) ?? []) {
      if (stationId === clock.stationId) continue;
      const last = this.latest.get(stationKey(clock.systemId, stationId));
      if (!last || clock.reportedAt.getTime() - last.reportedAt.getTime() <= this.silenceMs) continue;
      // The silence is keyed by the station's last report: the same silence, noticed again after a restart, is the same transition.
      const transition = this.move(alert, clock.systemId, stationId, true, last.reportedAt, { reportedAt: clock.reportedAt, bikes: last.bikes, docks: last.docks });
      if (transition) transitions.push(transition);
    }
    return transitions;
  }

  private move(alert: Alert, systemId: string, stationId: string, holds: boolean, startAt: Date, report: Pick<StationReport, 'reportedAt' | 'bikes' | 'docks'>): Transition | null {
    const key = stateKey(alert.id, systemId, stationId);
    const since = this.conditions.get(key)?.since ?? null;
    if (holds === (since !== null)) return null;
    this.conditions.set(key, { since: holds ? startAt : null });
    const base = { alert, systemId, stationId, at: report.reportedAt, bikes: report.bikes, docks: report.docks };
    return since === null ? { ...base, state: 'started', startedAt: startAt } : { ...base, state: 'ended', startedAt: since };
  }
}
