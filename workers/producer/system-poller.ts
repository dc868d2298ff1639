import { backoffDelayMs } from '../../lib/runtime/backoff';
import { FeedError } from '../../lib/gbfs/errors';
import { parseDiscovery, type Discovery } from '../../lib/gbfs/parse-discovery';
import { parseStationInformation } from '../../lib/gbfs/parse-station-information';
import { parseStationStatus } from '../../lib/gbfs/parse-station-status';
import { parseSystemInformation } from '../../lib/gbfs/parse-system-information';
import { parseEbikeTypeIds } from '../../lib/gbfs/parse-vehicle-types';
import { isPlausibleTime } from '../../lib/gbfs/timestamps';
import type { Rejected, SystemInfo } from '../../lib/gbfs/types';
import { sendDeadLetters } from '../../lib/kafka/dead-letter';
import type { MessageSender } from '../../lib/kafka/bus';
import { BusError } from '../../lib/kafka/bus-error';
import type { SchemaChecker } from '../../lib/gbfs/schema-check';
import type { Logger } from '../../lib/runtime/log';
import { sleep } from '../../lib/runtime/sleep';
import type { FeedFetcher } from './fetch-feed';
import { fallbackSystem } from './fallback-system';
import { FeedConformance } from './feed-conformance';
import { createPublisher } from './publisher';
import type { ClaimSystem } from './system-owners';
import { StationMemory } from './station-memory';
import { StationTracker } from './station-tracker';

export interface SystemPollerOptions {
  feedUrl: string;
  language?: string;
  heartbeatMs: number;
  pollMinMs: number;
  fetchFeed: FeedFetcher;
  producer: MessageSender;
  log: Logger;
  signal: AbortSignal;
  schemaChecker?: SchemaChecker;
  /** Whether this feed may publish as a system id (workers/producer/system-owners.ts); all may when unset. */
  claimSystem?: ClaimSystem;
}

const SYSTEM_REFRESH_MS = 5 * 60_000;
const STATION_INFORMATION_MIN_REFRESH_MS = 60_000;
const REDISCOVER_AFTER_FAILURES = 3;

/** Polls one GBFS system until the signal aborts; feed failures back off and never end the loop. */
export async function pollSystem(options: SystemPollerOptions): Promise<void> {
  const { feedUrl, fetchFeed, log, signal } = options;
  const publish = createPublisher(options.producer);
  const statusTracker = new StationTracker(options.heartbeatMs);
  const sentInformation = new StationMemory<string>();
  const conformance = new FeedConformance(options.schemaChecker, log);
  let discovery: Discovery | undefined;
  let system: SystemInfo | undefined;
  let ebikeTypeIds: Set<string> | undefined;
  let systemFetchedAt = 0;
  let informationFetchedAt = 0;
  let informationSentAt = 0;
  let simulated = false;
  let failures = 0;
  let deadLettersFailed = 0;

  /** Dead letters are a report: one that cannot be sent is logged and counted, and polling goes on. */
  async function deadLetter(rejected: Rejected[]): Promise<void> {
    const outcome = await sendDeadLetters(
      options.producer,
      rejected.map((item) => ({ source: 'producer' as const, reason: `${item.feed}: ${item.reason}`, systemId: system?.systemId, stationId: item.stationId, payload: item.raw })),
    );
    if (outcome.failed === 0) return;
    deadLettersFailed += outcome.failed;
    log.warn('dead letters not sent', { system: system?.systemId ?? feedUrl, failed: outcome.failed, failedSinceStart: deadLettersFailed, reason: outcome.error });
  }

  async function fetchJson(feed: string): Promise<unknown> {
    const url = discovery?.feeds.get(feed);
    if (!url) return undefined;
    const result = await fetchFeed(feed, url);
    if (result.kind === 'not-modified') return undefined;
    simulated ||= result.simulated;
    conformance.check(feed, result.body);
    return result.body;
  }

  /** The system as this feed now describes it, if the id is still its own to publish under. */
  function ownSystem(described: SystemInfo, current: SystemInfo | undefined): SystemInfo {
    if (current && described.systemId !== current.systemId) {
      throw new FeedError('system_information', `system_id changed from "${current.systemId}"; a feed cannot move its stations to another system (restart the producer to accept it)`);
    }
    if (options.claimSystem && !options.claimSystem(feedUrl, described.systemId)) {
      throw new FeedError('system_information', `system_id "${described.systemId}" belongs to another configured feed; refused`);
    }
    return described;
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
      if (body !== undefined) system = ownSystem(parseSystemInformation(body, language), system);
      system ??= ownSystem(fallbackSystem(feedUrl), undefined);
      const vehicleTypes = await fetchJson('vehicle_types');
      if (vehicleTypes !== undefined) ebikeTypeIds = parseEbikeTypeIds(vehicleTypes);
      systemFetchedAt = now;
    }
    if (now - informationFetchedAt >= STATION_INFORMATION_MIN_REFRESH_MS && system) {
      const body = await fetchJson('station_information');
      informationFetchedAt = now;
      if (body === undefined) return;
      const parsed = parseStationInformation(body, system.systemId, language);
      const heartbeat = now - informationSentAt >= options.heartbeatMs;
      sentInformation.forget(now);
      for (const station of parsed.items) sentInformation.touch(station.stationId, now);
      const changed = parsed.items.filter((station) => heartbeat || sentInformation.get(station.stationId) !== JSON.stringify(station));
      await publish.stationInformation(changed, now);
      for (const station of changed) sentInformation.set(station.stationId, JSON.stringify(station), now);
      if (heartbeat) informationSentAt = now;
      if (changed.length) log.info('station information sent', { system: system.systemId, stations: changed.length });
      await deadLetter(parsed.rejected);
    }
  }

  async function pollOnce(): Promise<number> {
    const fetchedAt = Date.now();
    await refreshMetadata(fetchedAt);
    if (!system) throw new FeedError('system_information', 'no system');
    const body = await fetchJson('station_status');
    if (body === undefined) return discovery?.ttl ?? 0;
    const snapshot = parseStationStatus(body, { systemId: system.systemId, fetchedAt, ebikeTypeIds });
    const feedUpdatedAt = isPlausibleTime(snapshot.lastUpdated, fetchedAt) ? Math.floor(Math.min(snapshot.lastUpdated, fetchedAt) / 1000) * 1000 : null;
    const selection = statusTracker.select(snapshot.items, fetchedAt, feedUpdatedAt);
    await publish.stationStatus(selection.send.map((item) => item.status));
    statusTracker.markSent(selection.send, fetchedAt);
    await publish.system(system, {
      feedUrl,
      ttlSeconds: snapshot.ttl,
      simulated,
      statusUpdatedAt: isPlausibleTime(snapshot.lastUpdated, fetchedAt) ? Math.min(snapshot.lastUpdated, fetchedAt) : null,
      polledAt: Date.now(),
      gbfsVersion: conformance.gbfsVersion(),
      feedProblems: conformance.problems(system.systemId),
    });
    // Only now, so a flood of bad records cannot hold up or fail the good ones.
    const wentBack = selection.wentBack.map(({ status, previousAt }) => ({
      feed: 'station_status',
      reason: `last_reported went back from ${new Date(previousAt).toISOString()} to ${new Date(status.reportedAt).toISOString()} with other counts; not stored`,
      stationId: status.stationId,
      raw: status,
    }));
    await deadLetter([...snapshot.rejected, ...wentBack]);
    log.info('polled', {
      system: system.systemId,
      stations: snapshot.items.length,
      sent: selection.send.length,
      restamped: selection.restamped,
      wentBack: wentBack.length,
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
        await deadLetter([{ feed: error.feed, reason: error.message, raw: error.detail ?? '' }]);
      }
      await sleep(waitMs, signal);
    }
  }
}


/** Broker outages surface as the bus's errors: the poll is retried with backoff instead of crashing. */
function isKafkaError(error: unknown): boolean {
  return error instanceof BusError;
}
