import { randomBytes } from 'node:crypto';
import { toChangeJson, toStationsResponse } from '../api/api-json';
import type { StationJson, StreamSystemJson } from '../api/api-types';
import type { Database } from '../db/client';
import { listChangesBetween, type StationChange } from '../queries/changes';
import { listStationStatus } from '../queries/stations';
import { getSystem } from '../queries/systems';
import type { Logger } from '../runtime/log';
import { systemTotals } from '../stations/availability';
import { createEventLog, type EventLog } from './event-log';
import { eventId, parseEventId, SSE_PING, sseEvent, type StreamEventName } from './sse-format';
import type { StoreNotice } from './store-notice';

/** One open stream, as the hub sees it. */
export interface StreamClient {
  write(text: string): void;
  end(): void;
}

export interface HubOptions {
  db: Database;
  heartbeatSeconds: number;
  log: Logger;
  pingIntervalMs?: number;
  /** Resume window: how many events, and how old, a reconnecting stream can still get. */
  maxEvents?: number;
  maxAgeMs?: number;
  /** More changes than this in one read and the streams are told to refetch instead. */
  maxChangesPerRead?: number;
}

interface SystemFeed {
  systemId: string;
  log: EventLog;
  clients: Set<StreamClient>;
  /** Each change key sent, with the cause it had: a redelivery is not news, a new cause is. */
  sent: Map<string, string | null>;
  stations: Map<string, string>;
  range: Range | null;
  causeRange: Range | null;
  systemChanged: boolean;
  reading: Promise<void>;
  /** Events formatted but not yet written. */
  outbox: string[];
}

interface Range {
  from: number;
  to: number;
}

const SENT_KEYS_KEPT = 20_000;
const changeKey = (change: StationChange) => `${change.reportedAt.toISOString()}/${change.stationId}`;
const widen = (range: Range | null, from: number, to: number): Range => (range ? { from: Math.min(range.from, from), to: Math.max(range.to, to) } : { from, to });

/**
 * Fans what the consumer commits out to every open stream: notices arrive from the one LISTEN
 * connection, and each system's new rows are read once, formatted once and written to all of its
 * streams, so N clients cost one query and one JSON.stringify per event.
 */
export function createStreamHub(options: HubOptions) {
  const { db, log } = options;
  const epoch = randomBytes(5).readUIntBE(0, 5).toString(36);
  const feeds = new Map<string, SystemFeed>();
  const maxChanges = options.maxChangesPerRead ?? 1_000;
  let ping: NodeJS.Timeout | null = null;
  let clientCount = 0;

  /** Logs an event (a reset is not kept: it is only for the streams open now) and queues it for every stream. */
  function broadcast(feed: SystemFeed, event: StreamEventName, data: unknown): void {
    feed.outbox.push(event === 'reset' ? sseEvent(event, data) : feed.log.append((seq) => sseEvent(event, data, eventId(epoch, seq)), Date.now()).text);
  }

  /** One write per stream for all of a read's events: with thousands of streams, writes are the cost. */
  function flush(feed: SystemFeed): void {
    if (feed.outbox.length === 0) return;
    const text = feed.outbox.join('');
    feed.outbox = [];
    for (const client of feed.clients) client.write(text);
  }

  async function readSnapshot(feed: SystemFeed) {
    const system = await getSystem(db, feed.systemId);
    if (!system) return null;
    const response = toStationsResponse(system, await listStationStatus(db, feed.systemId), options.heartbeatSeconds);
    return { response, totals: systemTotals(response.stations.filter((station) => station.reporting)) };
  }

  function remember(feed: SystemFeed, stations: StationJson[]): StationJson[] {
    const updated: StationJson[] = [];
    for (const station of stations) {
      const text = JSON.stringify(station);
      if (feed.stations.get(station.stationId) !== text) updated.push(station);
      feed.stations.set(station.stationId, text);
    }
    return updated;
  }

  function send(feed: SystemFeed, change: StationChange): void {
    const key = changeKey(change);
    feed.sent.delete(key);
    feed.sent.set(key, change.cause);
    broadcast(feed, 'change', toChangeJson(change));
  }

  /** Causes decided for changes the streams were sent: those changes again, now with their cause. */
  async function readCauses(feed: SystemFeed, range: Range): Promise<void> {
    const changes = await listChangesBetween(db, { systemId: feed.systemId, from: new Date(range.from), to: new Date(range.to), limit: maxChanges, newestFirst: true });
    for (const change of changes.reverse()) {
      const key = changeKey(change);
      if (feed.sent.has(key) && feed.sent.get(key) !== change.cause) send(feed, change);
    }
  }

  async function readNews(feed: SystemFeed): Promise<void> {
    while (feed.range || feed.systemChanged || feed.causeRange) {
      const { range, causeRange } = feed;
      feed.range = null;
      feed.causeRange = null;
      if (causeRange && !range && !feed.systemChanged) {
        await readCauses(feed, causeRange);
        flush(feed);
        continue;
      }
      if (causeRange) feed.causeRange = causeRange;
      feed.systemChanged = false;
      const [snapshot, changes] = await Promise.all([
        readSnapshot(feed),
        range ? listChangesBetween(db, { systemId: feed.systemId, from: new Date(range.from), to: new Date(range.to), limit: maxChanges }) : [],
      ]);
      if (!snapshot || feed.clients.size === 0) return;
      if (changes.length >= maxChanges) {
        remember(feed, snapshot.response.stations);
        broadcast(feed, 'reset', { reason: 'too many changes at once' });
        flush(feed);
        continue;
      }
      for (const change of changes) {
        const key = changeKey(change);
        if (!feed.sent.has(key) || feed.sent.get(key) !== change.cause) send(feed, change);
      }
      while (feed.sent.size > SENT_KEYS_KEPT) feed.sent.delete(feed.sent.keys().next().value as string);
      for (const station of remember(feed, snapshot.response.stations)) broadcast(feed, 'station', station);
      broadcast(feed, 'system', { system: snapshot.response.system, totals: snapshot.totals } satisfies StreamSystemJson);
      flush(feed);
    }
  }

  function schedule(feed: SystemFeed): void {
    feed.reading = feed.reading
      .then(() => readNews(feed))
      .catch((error: unknown) => {
        log.warn('stream read failed; streams told to refetch', { system: feed.systemId, error: error instanceof Error ? error.message : String(error) });
        broadcast(feed, 'reset', { reason: 'read failed' });
        flush(feed);
      });
  }

  function startPing(): void {
    ping ??= setInterval(() => {
      for (const feed of feeds.values()) for (const client of feed.clients) client.write(SSE_PING);
    }, options.pingIntervalMs ?? 15_000);
  }

  function stopPingWhenIdle(): void {
    if (clientCount === 0 && ping) {
      clearInterval(ping);
      ping = null;
    }
  }

  return {
    epoch,
    /**
     * Adds a stream of `systemId` (already checked to exist). With a Last-Event-ID of this process,
     * the events it missed are written first; with one too old or not ours, a `reset`.
     */
    async subscribe(systemId: string, lastEventId: string | string[] | undefined, client: StreamClient): Promise<() => void> {
      let feed = feeds.get(systemId);
      if (!feed) {
        const created: SystemFeed = { systemId, log: createEventLog({ maxEvents: options.maxEvents ?? 1_000, maxAgeMs: options.maxAgeMs ?? 600_000 }), clients: new Set(), sent: new Map(), stations: new Map(), range: null, causeRange: null, systemChanged: false, reading: Promise.resolve(), outbox: [] };
        feeds.set(systemId, created);
        created.reading = readSnapshot(created)
          .then((snapshot) => void (snapshot && remember(created, snapshot.response.stations)))
          .catch(() => undefined);
        feed = created;
      }
      const seq = parseEventId(lastEventId, epoch);
      if (seq !== null) {
        const missed = feed.log.after(seq, Date.now());
        if (missed) for (const event of missed) client.write(event.text);
        else client.write(sseEvent('reset', { reason: 'missed events are no longer kept' }));
      } else if (lastEventId !== undefined) {
        client.write(sseEvent('reset', { reason: 'unknown Last-Event-ID' }));
      }
      feed.clients.add(client);
      clientCount += 1;
      startPing();
      const joined = feed;
      await joined.reading;
      let left = false;
      return () => {
        if (left) return;
        left = true;
        joined.clients.delete(client);
        clientCount -= 1;
        if (joined.clients.size === 0 && feeds.get(systemId) === joined) feeds.delete(systemId);
        stopPingWhenIdle();
      };
    },
    notice(notice: StoreNotice): void {
      const feed = feeds.get(notice.system);
      if (!feed) return;
      if (notice.kind === 'system') feed.systemChanged = true;
      else {
        const from = Date.parse(notice.from);
        const to = Date.parse(notice.to);
        if (!(from <= to)) return;
        if (notice.kind === 'status') feed.range = widen(feed.range, from, to);
        else feed.causeRange = widen(feed.causeRange, from, to);
      }
      schedule(feed);
    },
    /** The listener was away: whatever was committed meanwhile was not announced, so every stream refetches. */
    resumed(): void {
      for (const feed of feeds.values()) {
        broadcast(feed, 'reset', { reason: 'the server lost its database notifications for a while' });
        flush(feed);
        feed.systemChanged = true;
        schedule(feed);
      }
    },
    /** Shutdown: ends every stream (each one's own close handler then unsubscribes it). */
    closeAll(): void {
      for (const feed of [...feeds.values()]) for (const client of [...feed.clients]) client.end();
    },
    stats: () => ({ streams: clientCount, systems: feeds.size, pinging: ping !== null }),
  };
}

export type StreamHub = ReturnType<typeof createStreamHub>;
