import { createBus } from '../../../lib/kafka/client';
import { formatAudit, printFigures } from '../../support/change-audit';
import { checkCommittedRows } from '../../support/committed-rows';
import { waitFor } from '../../support/processes';
import { ReplayRig } from '../../support/replay-rig';
import { startTcpProxy } from '../../support/tcp-proxy';
import { startWorkerProcess, type WatchedProcess } from '../../support/watched-process';
import type { Scenario } from './scenario';

const SERVER = new URL(process.env.TEST_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432');
/** How long the killed consumer holds its membership, and so the rebalance open (the default is 30 s). */
const SESSION_TIMEOUT_MS = 10_000;
/** Kept down a little after the survivor owns every partition, so it also retries the ones it took over. */
const DOWN_AFTER_REBALANCE_MS = 5_000;

const count = (worker: WatchedProcess, pattern: RegExp, from = 0) => worker.lines.filter((line) => line.at >= from && pattern.test(line.text)).length;

/**
 * Two consumers share the group; PostgreSQL is cut (TCP proxy) while both hold batches, and one
 * consumer is SIGKILLed and restarted at once, on a host that still reaches PostgreSQL. The
 * replacement's join starts a rebalance that lasts until the dead member's session expires, so the
 * survivor's heartbeats fail while its writes wait for PostgreSQL: it must give those batches up
 * uncommitted and rejoin, and once PostgreSQL is back store everything without exiting, nothing
 * committed past a report that is not stored.
 */
export async function prepareRebalanceOutage(brokers: string[]): Promise<Scenario> {
  const proxy = await startTcpProxy({ host: SERVER.hostname, port: Number(SERVER.port || 5432) });
  const throughProxy = (url: string) => {
    const routed = new URL(url);
    routed.hostname = '127.0.0.1';
    routed.port = String(proxy.port);
    return routed.toString();
  };
  // 30 snapshots, one per 1.5 s: the replay goes on through the start, the outage and the rebalance.
  const rig = await ReplayRig.start({
    name: 'rebalance',
    seed: 505,
    snapshots: 30,
    brokers,
    pollMinMs: 1_500,
    routeDatabase: throughProxy,
    env: { KAFKA_SESSION_TIMEOUT_MS: String(SESSION_TIMEOUT_MS) },
  });
  const admin = (await createBus({ brokers, clientId: 'bikestream-test-group', quiet: true })).inspector();
  await admin.connect();
  let survivor: WatchedProcess | undefined;
  let victim: WatchedProcess | undefined;
  let replacement: WatchedProcess | undefined;
  return {
    async close() {
      await Promise.all([survivor?.stop(), victim?.stop(), replacement?.stop()]);
      await admin.disconnect();
      await rig.close();
      await proxy.close();
    },
    async run(expect) {
      const stableMembers = async () => {
        const group = await admin.describeGroup(rig.env.KAFKA_CONSUMER_GROUP);
        return group.state === 'Stable' ? group.members.sort().join(',') : '';
      };
      const startedAt = Date.now();
      rig.startProducer();
      survivor = rig.startConsumer();
      victim = rig.startConsumer();
      const watched = [survivor, victim];
      const explain = (error: unknown) =>
        new Error(`${String(error)}\n${watched.map((worker, index) => `consumer ${index} exit ${worker.child.exitCode}:\n${worker.output().split('\n').slice(-20).join('\n')}`).join('\n')}`);
      const before = await waitFor('two members in a stable group', async () => ((await stableMembers()).split(',').length === 2 ? stableMembers() : false), 90_000, 300).catch(
        (error: unknown) => {
          throw explain(error);
        },
      );
      await Promise.all(watched.map((worker) => worker.waitForLine(/msg="batch stored"/, 90_000))).catch((error: unknown) => {
        throw explain(error);
      });

      await proxy.down();
      const downAt = Date.now();
      await Promise.all(watched.map((worker) => worker.waitForLine(/msg="database write failed, retrying"/, 60_000, worker.lines.length))).catch((error: unknown) => {
        throw explain(error);
      });
      const killedAt = Date.now();
      await victim.kill();
      // Restarted at once on a host that still reaches PostgreSQL (a consumer checks the database
      // as it starts): its join starts a rebalance that cannot finish before the dead member's
      // session expires, while the survivor's writes wait for PostgreSQL and heartbeat.
      replacement = startWorkerProcess('consumer', { ...rig.env, DATABASE_URL: rig.database.url });
      watched.push(replacement);
      const exitedEarly = Promise.race([survivor.exited, replacement.exited]).then((code) => {
        throw new Error(`a consumer exited (code ${code}) during the rebalance`);
      });
      await Promise.race([
        waitFor('a stable group of the survivor and the replacement', async () => {
          const members = await stableMembers();
          return members !== before && members.split(',').length === 2;
        }, 90_000, 300),
        exitedEarly,
      ]).catch((error: unknown) => {
        throw explain(error);
      });
      const rebalancedAt = Date.now();
      await new Promise((resolve) => setTimeout(resolve, DOWN_AFTER_REBALANCE_MS));
      await proxy.up();
      const upAt = Date.now();

      await rig.waitForReplayPublished(180_000).catch((error: unknown) => {
        throw explain(error);
      });
      const publishedAt = Date.now();
      await rig.waitForConsumer(120_000).catch((error: unknown) => {
        throw explain(error);
      });
      const caughtUpAt = Date.now();
      const audit = await rig.audit();
      const committedRows = await checkCommittedRows(rig.env, rig.database.db);
      const givenUp = count(survivor, /msg="batch given up uncommitted/, downAt);
      const heartbeatFailures = count(survivor, /msg="batch given up uncommitted.*reason="heartbeat failed/, downAt);
      const stored = watched.reduce((sum, worker) => sum + count(worker, /msg="batch stored"/), 0);
      const seconds = (from: number, to: number) => ((to - from) / 1000).toFixed(0);
      printFigures(
        formatAudit(
          'postgres down during a rebalance (one of two consumers SIGKILLed, restarted)',
          audit,
          `both consumers storing ${seconds(startedAt, downAt)} s after the start; postgres down ${seconds(downAt, upAt)} s; the group stable again ${seconds(killedAt, rebalancedAt)} s after the kill; ` +
            `the survivor gave up ${givenUp} batches uncommitted (${heartbeatFailures} on a failed heartbeat) and retried ${count(survivor, /msg="database write failed, retrying"/, downAt)} times; ` +
            `the replay's last snapshot published ${seconds(upAt, publishedAt)} s and every message committed ${seconds(upAt, caughtUpAt)} s after PostgreSQL came back; ${stored} batches stored and committed in all; ` +
            `${committedRows.belowCommitted} status messages below the committed offsets ${[...committedRows.committed.values()].join('/')}, ` +
            `${committedRows.missing.length} of them not in station_status; exit codes: survivor ${survivor.child.exitCode}, replacement ${replacement.child.exitCode}, victim ${victim.child.signalCode}`,
        ),
      );

      expect(survivor.child.exitCode, 'the surviving consumer kept running').toBeNull();
      expect(replacement.child.exitCode, 'the replacement kept running').toBeNull();
      expect(victim.child.signalCode).toBe('SIGKILL');
      expect(watched.map((worker) => count(worker, /msg=crashed/)), 'crash lines').toEqual([0, 0, 0]);
      expect(heartbeatFailures, 'the survivor met the rebalance with writes waiting for PostgreSQL').toBeGreaterThan(0);
      expect(committedRows.belowCommitted).toBeGreaterThan(0);
      expect(committedRows.missing, 'committed past a report that is not stored').toEqual([]);
      expect(audit.acknowledgedMissing).toEqual([]);
      expect(audit.lost).toEqual([]);
      expect(audit.duplicated).toEqual([]);
      expect(audit.changeTable, 'station_change equals the LAG view').toMatchObject({ missing: [], extra: [] });
    },
  };
}
