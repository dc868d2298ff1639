import { setTimeout as sleep } from 'node:timers/promises';
import { formatAudit, printFigures } from '../../support/change-audit';
import { waitFor } from '../../support/processes';
import { ReplayRig } from '../../support/replay-rig';
import type { WatchedProcess } from '../../support/watched-process';
import { startTcpProxy } from '../../support/tcp-proxy';
import { startWeb } from '../../support/web';
import type { Scenario } from './scenario';

const OUTAGE_MS = 20_000;
const SERVER = new URL(process.env.TEST_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432');

let lastHealth = '';

async function healthStatus(baseUrl: string, path = '/api/health'): Promise<number> {
  try {
    const response = await fetch(`${baseUrl}${path}`, { signal: AbortSignal.timeout(10_000) });
    lastHealth = await response.text();
    return response.status;
  } catch (error) {
    lastHealth = String(error);
    return 0;
  }
}

/**
 * The consumer and the web app reach PostgreSQL through a TCP proxy, which cuts every connection and
 * refuses new ones for 20 s (the server itself is shared and stays up). The consumer must hold its
 * batch and retry, /api/health must answer 503 meanwhile, and everything must catch up on its own.
 */
export async function prepareDatabaseOutage(brokers: string[]): Promise<Scenario> {
  const proxy = await startTcpProxy({ host: SERVER.hostname, port: Number(SERVER.port || 5432) });
  const throughProxy = (url: string) => {
    const routed = new URL(url);
    routed.hostname = '127.0.0.1';
    routed.port = String(proxy.port);
    return routed.toString();
  };
  // The simulator moves to the next snapshot every second of the clock, and each snapshot's
  // last_updated is the second it is served: the feed stays fresh however fast the producer polls,
  // so /api/health can answer 200 before and after the outage. Snapshots the producer skips were
  // never shown to the pipeline and are not expected.
  const rig = await ReplayRig.start({
    name: 'dboutage',
    seed: 404,
    snapshots: 75,
    stepSeconds: 1,
    interval: 1,
    startSeconds: 'now',
    brokers,
    pollMinMs: 200,
    routeDatabase: throughProxy,
  });
  const web = await startWeb(rig.env);
  return {
    async close() {
      await web.stop();
      await rig.close();
      await proxy.close();
    },
    async run(expect) {
      await rig.startFeed();
      const consumer = rig.startConsumer();
      rig.startProducer();
      const explain = (error: unknown) => {
        const tail = (worker: WatchedProcess | undefined) => `exit ${worker?.child.exitCode}:\n${worker?.output().split('\n').slice(-25).join('\n')}`;
        return new Error(`${String(error)}; last answer ${lastHealth}\nproducer ${tail(rig.producer)}\nconsumer ${tail(consumer)}`);
      };
      await waitFor('a healthy pipeline', async () => (await healthStatus(web.baseUrl)) === 200, 90_000, 500).catch((error: unknown) => {
        throw explain(error);
      });

      await proxy.down();
      const downAt = Date.now();
      // /api/health answers from one check a second (its checkedAt says when): past that second,
      // every answer was checked with PostgreSQL gone.
      await sleep(1_100);
      const duringOutage: number[] = [];
      const stationsDuringOutage: number[] = [];
      while (Date.now() - downAt < OUTAGE_MS - 1_500) {
        duringOutage.push(await healthStatus(web.baseUrl));
        stationsDuringOutage.push(await healthStatus(web.baseUrl, `/api/stations?system=${rig.fixture.systemId}`));
        await sleep(1_000);
      }
      await sleep(Math.max(0, downAt + OUTAGE_MS - Date.now()));
      const retries = consumer.lines.filter((line) => line.at >= downAt && /msg="database write failed, retrying"/.test(line.text)).length;
      await proxy.up();
      const upAt = Date.now();
      await waitFor('/api/health to answer 200 again', async () => (await healthStatus(web.baseUrl)) === 200, 60_000, 250).catch((error: unknown) => {
        throw explain(error);
      });
      const healthyAfter = (Date.now() - upAt) / 1000;

      await rig.waitForReplayPublished(120_000).catch((error: unknown) => {
        throw explain(error);
      });
      await rig.waitForConsumer(60_000).catch((error: unknown) => {
        throw explain(error);
      });
      const caughtUpAfter = (Date.now() - upAt) / 1000;
      const audit = await rig.audit();
      const unavailable = duringOutage.filter((status) => status === 503).length;
      printFigures(
        formatAudit(
          'postgres down 20 s',
          audit,
          `/api/health 503 in ${unavailable}/${duringOutage.length} checks during the outage and 200 again ${healthyAfter.toFixed(1)} s after it; ` +
            `every message committed ${caughtUpAfter.toFixed(0)} s after it; ` +
            `/api/stations answered ${[...new Set(stationsDuringOutage)].join('/')} meanwhile; ` +
            `the consumer retried ${retries} times in the same process; the producer fetched ${audit.publishedSnapshots} of ${rig.fixture.snapshots.length} snapshots`,
        ),
      );

      expect(duringOutage.length).toBeGreaterThan(10);
      expect(duringOutage.every((status) => status === 503)).toBe(true);
      expect.soft(stationsDuringOutage.every((status) => status === 503)).toBe(true);
      expect(retries).toBeGreaterThan(0);
      expect(consumer.child.exitCode, 'the consumer kept running').toBeNull();
      expect(rig.consumer).toBe(consumer);
      expect(audit.acknowledgedMissing).toEqual([]);
      expect(audit.lost).toEqual([]);
      expect(audit.duplicated).toEqual([]);
      expect(audit.changeTable, 'station_change equals the LAG view').toMatchObject({ missing: [], extra: [] });
    },
  };
}
