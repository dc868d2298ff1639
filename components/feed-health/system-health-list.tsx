'use client';

import { isFeedStale } from '@/lib/stations/availability';
import { useFeedHealth } from '@/lib/hooks/use-feed-health';
import { useNow } from '@/lib/hooks/use-now';
import { SystemHealthCard } from './system-health-card';

/** Every known system's feed health, refreshed live. */
export function SystemHealthList() {
  const systems = useFeedHealth().data?.systems ?? [];
  const now = useNow();
  return (
    <div data-testid="system-health-list" className="space-y-4">
      {systems.map((system) => {
        const updatedAt = system.statusUpdatedAt === null ? null : new Date(system.statusUpdatedAt);
        // Until the clock runs in the browser, the server's own numbers keep the first paint consistent.
        const ageSeconds = updatedAt === null ? null : now === null ? system.feedAgeSeconds : (now - updatedAt.getTime()) / 1000;
        const stale = now === null ? system.stale : isFeedStale(updatedAt, system.ttlSeconds, now);
        return <SystemHealthCard key={system.systemId} system={system} ageSeconds={ageSeconds} stale={stale} />;
      })}
    </div>
  );
}
