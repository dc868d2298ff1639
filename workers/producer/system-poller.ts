import type { Producer } from 'kafkajs';
import { backoffDelayMs } from '../../lib/backoff';
import { FeedError } from '../../lib/gbfs/errors';
import { parseDiscovery, type Discovery } from '../../lib/gbfs/parse-discovery';
import { parseStationInformation } from '../../lib/gbfs/parse-station-information';
import { parseStationStatus } from '../../lib/gbfs/parse-station-status';
import { parseSystemInformation } from '../../lib/gbfs/parse-system-information';
import { parseEbikeTypeIds } from '../../lib/gbfs/parse-vehicle-types';
import { isPlausibleTime } from '../../lib/gbfs/timestamps';
import type { Rejected, SystemInfo } from '../../lib/gbfs/types';
import { sendDeadLetters } from '../../lib/kafka/dead-letter';
import type { SchemaChecker } from '../../lib/gbfs/schema-check';
import type { Logger } from '../../lib/log';
import { sleep } from '../../lib/sleep';
import type { FeedFetcher } from './fetch-feed';
import { fallbackSystem } from './fallback-system';
import { FeedConformance } from './feed-conformance';
import { createPublisher } from './publisher';
import { StationTracker } from './station-tracker';

export interface SystemPollerOptions {
  feedUrl: string;
  language?: string;
  heartbeatMs: number;
  pollMinMs: number;
  fetchFeed: FeedFetcher;
  producer: Producer;
  log: Logger;
  signal: AbortSignal;
  schemaChecker?: SchemaChecker;
}

const SYSTEM_REFRESH_MS = 5 * 60_000;
const STATION_INFORMATION_MIN_REFRESH_MS = 60_000;
const REDISCOVER_AFTER_FAILURES = 3;

/** Polls one GBFS system until the signal aborts; feed failures back off and never end the loop. */
export async function pollSystem(options: SystemPollerOptions): Promise<void> {
  const { feedUrl, fetchFeed, log, signal } = options;
  const publish = createPublisher(options.producer);
  const statusTracker = new StationTracker(options.heartbeatMs);
  const sentInformation = new Map<string, string>();
  const conformance = new FeedConformance(options.schemaChecker, log);
  let discovery: Discovery | undefined;
  let system: SystemInfo | undefined;
  let ebikeTypeIds: Set<string> | undefined;
  let systemFetchedAt = 0;
  let informationFetchedAt = 0;
  let informationSentAt = 0;
  let simulated = false;
  let failures = 0;

  const deadLetter = (rejected: Rejected[]) =>
    sendDeadLetters(
      options.producer,
      rejected.map((item) => ({ source: 'producer' as const, reason: `${item.feed}: ${item.reason}`, systemId: system?.systemId, stationId: item.stationId, payload: item.raw })),
    );

  async function fetchJson(feed: string): Promise<unknown> {
    const url = discovery?.feeds.get(feed);
    if (!url) return undefined;
    const result = await fetchFeed(feed, url);
    if (result.kind === 'not-modified') return undefined;
    simulated ||= result.simulated;
    conformance.check(feed, result.body);
    return result.body;
  }

  async function refreshMetadata(now: number): Promise<void> {
    if (!discovery) {
      const result = await fetchFeed('gbfs', feedUrl);
      if (result.kind === 'fresh') {
        conformance.check('gbfs', result.body);
        discovery = parseDiscovery(result.body, options.language);
      }
      simulated = result.kind === 'fresh' && result.simulated;
      systemFetchedAt = 0;
      informationFetchedAt = 0;
    }
    const language = options.language ?? discovery?.language ?? undefined;
    if (now - systemFetchedAt >= SYSTEM_REFRESH_MS) {
      const body = await fetchJson('system_information');
      if (body !== undefined) system = parseSystemInformation(body, language);
      system ??= fallbackSystem(feedUrl);
      const vehicleTypes = await fetchJson('vehicle_types');
      if (vehicleTypes !== undefined) ebikeTypeIds = parseEbikeTypeIds(vehicleTypes);
      systemFetchedAt = now;
    }
    if (now - informationFetchedAt >= STATION_INFORMATION_MIN_REFRESH_MS && system) {
      const body = await fetchJson('station_information');
      informationFetchedAt = now;
      if (body === undefined) return;
      const parsed = parseStationInformation(body, system.systemId, language);
      await deadLetter(parsed.rejected);
      const heartbeat = now - informationSentAt >= options.heartbeatMs;
      const changed = parsed.items.filter((station) => heartbeat || sentInformation.get(station.stationId) !== JSON.stringify(station));
      await publish.stationInformation(changed, now);
      for (const station of changed) sentInformation.set(station.stationId, JSON.stringify(station));
      if (heartbeat) informationSentAt = now;
      if (changed.length) log.info('station information sent', { system: system.systemId, stations: changed.length });
    }
  }

  async function pollOnce(): Promise<number> {
    const fetchedAt = Date.now();
    await refreshMetadata(fetchedAt);
    if (!system) throw new FeedError('system_information', 'no system');
    const body = await fetchJson('station_status');
    if (body === undefined) return discovery?.ttl ?? 0;
    const snapshot = parseStationStatus(body, { systemId: system.systemId, fetchedAt, ebikeTypeIds });
    await deadLetter(snapshot.rejected);
    const changed = statusTracker.select(snapshot.items, fetchedAt);
    await publish.stationStatus(changed);
    statusTracker.markSent(changed, fetchedAt);
    await publish.system(system, {
      feedUrl,
      ttlSeconds: snapshot.ttl,
      simulated,
      statusUpdatedAt: isPlausibleTime(snapshot.lastUpdated, fetchedAt) ? Math.min(snapshot.lastUpdated, fetchedAt) : null,
      polledAt: Date.now(),
      gbfsVersion: conformance.gbfsVersion(),
      feedProblems: conformance.problems(system.systemId),
    });
    log.info('polled', {
      system: system.systemId,
      stations: snapshot.items.length,
      sent: changed.length,
      rejected: snapshot.rejected.length,
      ms: Date.now() - fetchedAt,
    });
    return snapshot.ttl;
  }

  while (!signal.aborted) {
    try {
      const ttlSeconds = await pollOnce();
      failures = 0;
      await sleep(Math.max(ttlSeconds * 1000, options.pollMinMs), signal);
    } catch (error) {
      if (signal.aborted) break;
      if (!(error instanceof FeedError) && !isKafkaError(error)) throw error;
      failures += 1;
      fetchFeed.forgetValidators();
      if (failures >= REDISCOVER_AFTER_FAILURES) discovery = undefined;
      const waitMs = backoffDelayMs(failures, Math.max(options.pollMinMs, 1_000));
      const reason = error instanceof Error ? error.message : String(error);
      log.warn('poll failed, backing off', { system: system?.systemId ?? feedUrl, reason, attempt: failures, waitMs });
      if (error instanceof FeedError) {
        await deadLetter([{ feed: error.feed, reason: error.message, raw: error.detail ?? '' }]).catch(() => log.warn('dead letter not sent', { reason }));
      }
      await sleep(waitMs, signal);
    }
  }
}


/** Broker outages surface as KafkaJS errors: the poll is retried with backoff instead of crashing. */
function isKafkaError(error: unknown): boolean {
  return error instanceof Error && error.name.startsWith('KafkaJS');
}
