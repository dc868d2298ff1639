import { sql } from 'drizzle-orm';
import { deadLetterMessageSchema } from '../../../lib/kafka/messages';
import { topicNames } from '../../../lib/kafka/topics';
import { SYSTEMIC_MIN_REFUSED } from '../../../workers/consumer/refusals';
import { formatAudit, printFigures } from '../../support/change-audit';
import { checkCommittedRows } from '../../support/committed-rows';
import { readTopic } from '../../support/kafka-topic';
import { ReplayRig } from '../../support/replay-rig';
import type { Scenario } from './scenario';

const EXIT_WITHIN_MS = 60_000;

/**
 * Someone adds a constraint the consumer does not know about and that refuses every row. The
 * consumer must stop with the SQLSTATE and the constraint's name, commit nothing past the rows it
 * could not store and dead-letter (almost) none of them; once the constraint is dropped, a restarted
 * consumer stores every row.
 */
export async function prepareDatabaseRefuses(brokers: string[]): Promise<Scenario> {
  const rig = await ReplayRig.start({ name: 'evilcheck', seed: 606, snapshots: 20, brokers, pollMinMs: 50 });
  await rig.database.db.execute(sql`ALTER TABLE station_status ADD CONSTRAINT evil CHECK (bikes < 0) NOT VALID`);
  return {
    close: () => rig.close(),
    async run(expect) {
      // Everything is in Kafka first, so the consumer meets the constraint with whole partitions.
      rig.startProducer();
      await rig.waitForReplayPublished(120_000);
      const refused = rig.startConsumer();
      const exit = await Promise.race([refused.exited, new Promise<'running'>((resolve) => setTimeout(() => resolve('running'), EXIT_WITHIN_MS))]);
      const crash = refused.lines.find((line) => /msg=crashed/.test(line.text))?.text ?? '';
      const deadLetters = (await readTopic(brokers, topicNames(rig.env.KAFKA_TOPIC_PREFIX).deadLetter)).filter(
        (message) => deadLetterMessageSchema.safeParse(JSON.parse(message.value?.toString('utf8') ?? 'null')).data?.source === 'consumer',
      ).length;
      const whileRefused = await checkCommittedRows(rig.env, rig.database.db);
      const storedWhileRefused = (await rig.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM station_status`)).rows[0]?.n;

      await rig.database.db.execute(sql`ALTER TABLE station_status DROP CONSTRAINT evil`);
      const restarted = rig.startConsumer();
      await rig.waitForConsumer(120_000);
      const audit = await rig.audit();
      const after = await checkCommittedRows(rig.env, rig.database.db);
      printFigures(
        formatAudit(
          'a CHECK constraint that refuses every status row',
          audit,
          `the consumer ${exit === 'running' ? `still running after ${EXIT_WITHIN_MS / 1000} s` : `exited ${exit}`} with "${/error=(.*)$/.exec(crash)?.[1] ?? ''}"; ` +
            `${deadLetters} rows dead-lettered, ${storedWhileRefused} stored, committed status offsets ${[...whileRefused.committed.values()].join('/') || 'none'} ` +
            `(${whileRefused.missing.length} unstored below them); after dropping it a restarted consumer stored ${audit.stored} changes, ` +
            `${after.belowCommitted} status messages committed, ${after.missing.length} of them missing`,
        ),
      );

      expect(exit, 'the consumer stops by itself').toBe(1);
      expect(crash).toMatch(/SQLSTATE 23514 \(constraint \\?"evil\\?" on station_status\)/);
      expect(deadLetters, 'rows dead-lettered before the consumer stopped').toBeLessThan(SYSTEMIC_MIN_REFUSED);
      expect(whileRefused.missing, 'offsets committed past rows that were not stored').toEqual([]);
      expect(restarted.child.exitCode, 'the restarted consumer keeps running').toBeNull();
      expect(after.missing).toEqual([]);
      expect(audit.publishedSnapshots).toBe(rig.fixture.snapshots.length);
      expect(audit.lost).toEqual([]);
      expect(audit.duplicated).toEqual([]);
      expect(audit.changeTable, 'station_change equals the LAG view').toMatchObject({ missing: [], extra: [] });
    },
  };
}
