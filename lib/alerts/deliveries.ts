import type { NewDelivery } from '../queries/alert-deliveries';
import type { Transition } from './transitions';

/** The JSON a receiver gets; stored once, so every attempt sends the same bytes. */
export function webhookBody(transition: Transition): string {
  const { alert, systemId, stationId, state, startedAt, at, bikes, docks } = transition;
  return JSON.stringify({
    alert: alert.id,
    system: systemId,
    station: stationId,
    when: alert.when,
    threshold: alert.threshold ?? null,
    state,
    startedAt: startedAt.toISOString(),
    at: at.toISOString(),
    bikes,
    docks,
  });
}

/** Rows to store; a transition older than `maxAgeMs` (a backlog read on a first start) is kept as stale, not sent. */
export function toDeliveries(transitions: readonly Transition[], now: Date, maxAgeMs: number): NewDelivery[] {
  return transitions.map((transition) => ({
    alertId: transition.alert.id,
    systemId: transition.systemId,
    stationId: transition.stationId,
    startedAt: transition.startedAt,
    state: transition.state,
    eventAt: transition.at,
    body: webhookBody(transition),
    status: now.getTime() - transition.at.getTime() > maxAgeMs ? 'stale' : 'pending',
  }));
}
