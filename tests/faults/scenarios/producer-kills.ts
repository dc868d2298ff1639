import { setTimeout as sleep } from 'node:timers/promises';
import { formatAudit, printFigures } from '../../support/change-audit';
import { ReplayRig } from '../../support/replay-rig';
import { nextPoll, randomFor, SEED, type Scenario } from './scenario';

/**
 * The producer is SIGKILLed twice mid-replay, at a random moment of its poll cycle. A snapshot it had
 * fetched but not published is legitimately missing; everything it published must be stored, and
 * the restarted producer, which re-sends every station, must not create a change that never was.
 */
export async function prepareProducerKills(brokers: string[]): Promise<Scenario> {
  const random = randomFor(2);
  const rig = await ReplayRig.start({ name: 'producerkills', seed: 202, brokers, pollMinMs: 400 });
  return {
    close: () => rig.close(),
    async run(expect) {
      rig.startConsumer();
      let producer = rig.startProducer();
      const resent: number[] = [];
      for (let round = 0; round < 2; round += 1) {
        const polls = 4 + Math.floor(random() * 8);
        for (let poll = 0; poll < polls; poll += 1) await nextPoll(producer);
        await sleep(Math.round(random() * 600));
        await producer.kill();
        producer = rig.startProducer();
        const first = await producer.waitForLine(/ msg=polled /, 60_000);
        resent.push(Number(/ sent=(\d+)/.exec(first.text)?.[1]));
      }
      await rig.waitForReplayPublished(120_000);
      await rig.waitForConsumer(120_000);
      const audit = await rig.audit();
      const unpublished = audit.servedSnapshots - audit.publishedSnapshots;
      printFigures(
        formatAudit(
          'producer SIGKILL x2',
          audit,
          `${unpublished} snapshot(s) fetched by a killed producer and never published; the restarts re-sent ${resent.join('/')} stations; seed ${SEED}`,
        ),
      );

      const stations = rig.fixture.snapshots[0]?.stations.length;
      expect(resent).toEqual([stations, stations]);
      expect(unpublished).toBeLessThanOrEqual(2);
      expect(audit.acknowledgedMissing).toEqual([]);
      expect(audit.lost).toEqual([]);
      expect(audit.duplicated).toEqual([]);
      expect(audit.changeTable, 'station_change equals the LAG view').toMatchObject({ missing: [], extra: [] });
    },
  };
}
