import { setTimeout as sleep } from 'node:timers/promises';
import { formatAudit, printFigures } from '../../support/change-audit';
import { ReplayRig } from '../../support/replay-rig';
import { nextPoll, randomFor, SEED, type Scenario } from './scenario';

async function controlBroker(controlUrl: string, action: 'kill' | 'start'): Promise<void> {
  const response = await fetch(`${controlUrl}/${action}`, { method: 'POST' });
  if (!response.ok) throw new Error(`broker ${action} failed: ${JSON.stringify(await response.json())}`);
}

/**
 * The suite's broker is SIGKILLed mid-replay and restarted on the same port and data directory after
 * a few seconds. Producer and consumer are left alone: they must reconnect by themselves, and every
 * snapshot the producer saw acknowledged must end up stored.
 */
export async function prepareBrokerKill(brokers: string[], controlUrl: string): Promise<Scenario> {
  const random = randomFor(3);
  const rig = await ReplayRig.start({ name: 'brokerkill', seed: 303, brokers, pollMinMs: 500 });
  return {
    close: () => rig.close(),
    async run(expect) {
      const producer = rig.startProducer();
      const consumer = rig.startConsumer();
      await consumer.waitForLine(/msg="batch stored"/, 90_000);
      const polls = 5 + Math.floor(random() * 10);
      for (let poll = 0; poll < polls; poll += 1) await nextPoll(producer);
      await sleep(Math.round(random() * 500));
      const killedAt = Date.now();
      await controlBroker(controlUrl, 'kill');
      const acknowledgedBeforeKill = rig.ledger.acknowledged().size;
      await sleep(1_000 + Math.round(random() * 2_000));
      await controlBroker(controlUrl, 'start');
      const downSeconds = (Date.now() - killedAt) / 1000;

      await rig.waitForReplayPublished(180_000);
      await rig.waitForConsumer(180_000);
      const audit = await rig.audit();
      printFigures(
        formatAudit(
          'broker SIGKILL',
          audit,
          `broker down ${downSeconds.toFixed(1)} s after ${acknowledgedBeforeKill} acknowledged snapshots; ` +
            `${audit.servedSnapshots - audit.publishedSnapshots} snapshot(s) fetched but never published; same producer and consumer processes; seed ${SEED}`,
        ),
      );

      expect(producer.child.exitCode, 'the producer kept running').toBeNull();
      expect(consumer.child.exitCode, 'the consumer kept running').toBeNull();
      expect(rig.producer).toBe(producer);
      expect(rig.consumer).toBe(consumer);
      expect(audit.acknowledgedMissing).toEqual([]);
      expect(audit.lost).toEqual([]);
      expect(audit.duplicated).toEqual([]);
      expect(audit.changeTable, 'station_change equals the LAG view').toMatchObject({ missing: [], extra: [] });
    },
  };
}
