import { randomBytes } from 'node:crypto';
import type { ExpectStatic } from 'vitest';
import { formatAudit, printFigures } from '../../support/change-audit';
import { ReplayRig } from '../../support/replay-rig';
import { startWorkerCli, watchProcess, type WatchedProcess } from '../../support/watched-process';
import { startWeb } from '../../support/web';

const STOP_WITHIN_MS = 10_000;
const CRASH_WITHIN_MS = 30_000;
const STACK_FRAME = /^\s+at /m;

interface Stopped {
  code: number | null;
  ms: number;
  /** Whether a worker logged its own "… stopped" line, i.e. finished its shutdown itself. */
  drained: boolean;
}

async function timedStop(process: WatchedProcess): Promise<Stopped> {
  const started = Date.now();
  const code = await process.stop(STOP_WITHIN_MS + 5_000);
  return { code, ms: Date.now() - started, drained: process.lines.some((line) => /msg="(producer|consumer) stopped"/.test(line.text)) };
}

const describeStop = (name: string, stop: Stopped) =>
  `${name} ${stop.code} in ${(stop.ms / 1000).toFixed(1)} s${stop.drained || name === 'web' ? '' : ' without its "stopped" line'}`;

/** Waits for a crash; a process still running after `timeoutMs` is killed and reported as such. */
async function crashOf(process: WatchedProcess, timeoutMs: number) {
  const timer = new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), timeoutMs));
  const code = await Promise.race([process.exited, timer]);
  if (code === 'still running') await process.kill();
  const texts = process.lines.map((line) => line.text);
  return { code, errorLines: texts.filter((text) => /level=error|^\w+: /.test(text)), output: texts.join('\n') };
}

/**
 * SIGTERM must drain and exit 0 within 10 s, whether a worker runs as one node process or through
 * the tsx CLI as `npm run producer|consumer` and the Dockerfile start it; a stop and restart
 * mid-replay loses nothing. A crash exits 1 with one clear line and no stack trace.
 */
export async function prepareShutdown(brokers: string[]) {
  const rig = await ReplayRig.start({ name: 'shutdown', seed: 707, snapshots: 40, brokers, pollMinMs: 300 });
  const web = watchProcess(await startWeb(rig.env));
  return {
    async close() {
      await web.stop();
      await rig.close();
    },

    async graceful(expect: ExpectStatic) {
      const producer = rig.startProducer();
      const consumer = rig.startConsumer();
      await consumer.waitForLine(/msg="batch stored"/, 90_000);
      await producer.waitForLine(/ msg=polled /, 30_000, producer.lines.length);
      const [producerStop, consumerStop, webStop] = await Promise.all([timedStop(producer), timedStop(consumer), timedStop(web)]);

      const producerCli = rig.startProducer(startWorkerCli);
      const consumerCli = rig.startConsumer(startWorkerCli);
      await rig.waitForReplayPublished(120_000);
      await rig.waitForConsumer(90_000);
      const [producerCliStop, consumerCliStop] = await Promise.all([timedStop(producerCli), timedStop(consumerCli)]);
      const audit = await rig.audit();
      printFigures(
        formatAudit(
          'graceful stop and restart',
          audit,
          `SIGTERM exit codes: ${describeStop('producer', producerStop)}, ${describeStop('consumer', consumerStop)}, ${describeStop('web', webStop)}; ` +
            `through the tsx CLI: ${describeStop('producer', producerCliStop)}, ${describeStop('consumer', consumerCliStop)}`,
        ),
      );

      for (const stop of [producerStop, consumerStop, producerCliStop, consumerCliStop]) {
        expect.soft(stop).toMatchObject({ code: 0, drained: true });
        expect.soft(stop.ms).toBeLessThan(STOP_WITHIN_MS);
      }
      // server/index.ts finishes the requests in flight on SIGTERM, then exits 0.
      expect.soft(webStop.code).toBe(0);
      expect.soft(webStop.ms).toBeLessThan(STOP_WITHIN_MS);
      expect.soft(audit.acknowledgedMissing).toEqual([]);
      expect.soft(audit.lost).toEqual([]);
      expect.soft(audit.duplicated).toEqual([]);
      expect.soft(audit.changeTable, 'station_change equals the LAG view').toMatchObject({ missing: [], extra: [] });
    },

    async producerBadUrl(expect: ExpectStatic) {
      const crash = await crashOf(startWorkerCli('producer', { ...rig.env, GBFS_URL: 'notaurl' }), CRASH_WITHIN_MS);
      printFigures(`crash, producer with GBFS_URL=notaurl: exit ${crash.code}, output ${JSON.stringify(crash.output)}`);
      expect(crash.code).toBe(1);
      expect(crash.errorLines).toHaveLength(1);
      expect(crash.errorLines[0]).toMatch(/GBFS_URL/);
      expect(crash.output).not.toMatch(STACK_FRAME);
    },

    async consumerMissingDatabase(expect: ExpectStatic) {
      const url = new URL(rig.env.DATABASE_URL);
      url.pathname = `/bikestream_missing_${randomBytes(3).toString('hex')}`;
      // A group of its own, so it has the replay's messages to write and must use the database.
      const env = { ...rig.env, DATABASE_URL: url.toString(), KAFKA_CONSUMER_GROUP: `${rig.env.KAFKA_CONSUMER_GROUP}-missing-db` };
      const crash = await crashOf(startWorkerCli('consumer', env), CRASH_WITHIN_MS);
      const retries = crash.output.split('\n').filter((line) => /database write failed, retrying/.test(line));
      const reason = /reason="(.{0,40})/.exec(retries[0] ?? '')?.[1];
      printFigures(
        `crash, consumer with a database that does not exist: exit ${crash.code} (waited ${CRASH_WITHIN_MS / 1000} s); ` +
          `${retries.length} "database write failed, retrying" lines${reason ? ` (reason="${reason}…")` : ''}; ` +
          `"does not exist" anywhere in its output: ${/does not exist/.test(crash.output)}; error lines ${JSON.stringify(crash.errorLines)}`,
      );
      expect(crash.code).toBe(1);
      expect(crash.errorLines).toHaveLength(1);
      expect(crash.errorLines[0]).toMatch(/does not exist/);
      expect(crash.output).not.toMatch(STACK_FRAME);
    },
  };
}
