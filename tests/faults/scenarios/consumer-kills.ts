import { setTimeout as sleep } from 'node:timers/promises';
import { formatAudit, printFigures } from '../../support/change-audit';
import { ReplayRig } from '../../support/replay-rig';
import { randomFor, SEED, type Scenario } from './scenario';

const KILLS = 5;

/**
 * The consumer is SIGKILLed five times, each time at a random moment within 2 s after it stored a
 * batch. A consumer killed without leaving its group holds its partitions until its 30 s session
 * expires, so each kill costs ~30 s; the producer is paced so that the replay outlasts the kills.
 */
export async function prepareConsumerKills(brokers: string[]): Promise<Scenario> {
  const random = randomFor(1);
  const rig = await ReplayRig.start({ name: 'consumerkills', seed: 101, brokers, pollMinMs: 4_000 });
  return {
    close: () => rig.close(),
    async run(expect) {
      rig.startProducer();
      let consumer = rig.startConsumer();
      const kills: number[] = [];
      const pauses: number[] = [];
      let killedAt = Date.now();
      for (let round = 0; round < KILLS; round += 1) {
        const stored = await consumer.waitForLine(/msg="batch stored"/, 150_000);
        if (round > 0) pauses.push(Math.round((stored.at - killedAt) / 1000));
        const delay = Math.round(random() * 2_000);
        await sleep(delay);
        killedAt = Date.now();
        await consumer.kill();
        kills.push(delay);
        consumer = rig.startConsumer();
      }
      await rig.waitForReplayPublished(240_000);
      await rig.waitForConsumer(120_000);
      const audit = await rig.audit();
      printFigures(
        formatAudit('consumer SIGKILL x5', audit, `killed ${kills.join('/')} ms after a stored batch; stored again ${pauses.join('/')} s after a kill; seed ${SEED}`),
      );

      expect(audit.publishedSnapshots).toBe(rig.fixture.snapshots.length);
      expect(audit.served).toBeGreaterThan(100);
      expect(audit.lost).toEqual([]);
      expect(audit.duplicated).toEqual([]);
      expect(audit.changeTable, 'station_change equals the LAG view').toMatchObject({ missing: [], extra: [] });
      expect(consumer.child.exitCode).toBeNull();
    },
  };
}
