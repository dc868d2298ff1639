import type { ExpectStatic } from 'vitest';
import { seededRandom } from '../../support/replay-fixture';

/** A fault scenario is prepared first (topics, databases, web) and run later, maybe beside others. */
export interface Scenario {
  run(expect: ExpectStatic): Promise<void>;
  close(): Promise<void>;
}

/** Kill moments are random but reproducible: the seed is printed with each scenario's figures. */
export const SEED = Number(process.env.FAULTS_SEED ?? Date.now() % 1_000_000);

export const randomFor = (scenario: number) => seededRandom(SEED + scenario);

/** Waits for the producer's next `polled` line after the ones already seen. */
export async function nextPoll(producer: { lines: { text: string }[]; waitForLine(pattern: RegExp, timeoutMs: number, from?: number): Promise<unknown> }): Promise<void> {
  await producer.waitForLine(/ msg=polled /, 60_000, producer.lines.findLastIndex((line) => / msg=polled /.test(line.text)) + 1);
}
