import { isFeedStale } from '../stations/availability';
import type { SystemSummary } from '../queries/systems';

// feed_problems can be long: only /api/systems and /api/health carry them, under `health`.
export function systemJson({ feedProblems: _feedProblems, ...system }: SystemSummary, now = Date.now()) {
  return {
    ...system,
    feedAgeSeconds: system.statusUpdatedAt ? Math.max(0, Math.round((now - system.statusUpdatedAt.getTime()) / 1000)) : null,
    stale: isFeedStale(system.statusUpdatedAt, system.ttlSeconds, now),
  };
}
