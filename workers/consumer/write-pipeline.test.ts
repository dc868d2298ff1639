import { describe, expect, it } from 'vitest';
import { createWritePipeline, type WriteOutcome } from './write-pipeline';

function deferred() {
  let resolve: (outcome: WriteOutcome) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<WriteOutcome>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const heartbeat = async () => undefined;

/** Ten offsets from `first`: each test's writes of one partition follow each other. */
const at = (first: number) => ({ first: String(first), last: String(first + 9) });

describe('createWritePipeline', () => {
  it("runs one partition's writes in order, and other partitions' alongside", async () => {
    const pipeline = createWritePipeline({ maxPending: 10 });
    const order: string[] = [];
    const first = deferred();
    pipeline.enqueue('t/0', at(10), async () => {
      order.push('0a start');
      const outcome = await first.promise;
      order.push('0a end');
      return outcome;
    });
    pipeline.enqueue('t/0', at(20), async () => {
      order.push('0b');
      return 'stored';
    });
    pipeline.enqueue('t/1', at(30), async () => {
      order.push('1a');
      return 'stored';
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toEqual(['0a start', '1a']);
    first.resolve('stored');
    await pipeline.drain();
    expect(order).toEqual(['0a start', '1a', '0a end', '0b']);
  });

  it('skips the later writes of a partition once one is given up, so no later offset is committed', async () => {
    const pipeline = createWritePipeline({ maxPending: 10 });
    const ran: string[] = [];
    pipeline.enqueue('t/0', at(40), async () => 'given-up');
    pipeline.enqueue('t/0', at(50), async () => {
      ran.push('0b');
      return 'stored';
    });
    pipeline.enqueue('t/1', at(60), async () => {
      ran.push('1a');
      return 'stored';
    });
    await pipeline.drain();
    expect(ran).toEqual(['1a']);
  });

  it('keeps skipping a partition past a given-up write after its queue has emptied, until it is read again from there', async () => {
    const pipeline = createWritePipeline({ maxPending: 10 });
    const ran: string[] = [];
    const write = (name: string) => async () => {
      ran.push(name);
      return 'stored' as const;
    };
    pipeline.enqueue('t/0', at(0), write('0-9'));
    pipeline.enqueue('t/0', at(10), async () => 'given-up');
    await pipeline.drain();
    // KafkaJS fetched on past the unwritten batch: a batch queued later must not commit past it.
    pipeline.enqueue('t/0', at(20), write('20-29'));
    await pipeline.drain();
    expect(ran).toEqual(['0-9']);

    // Read again from an earlier offset (a rebalance starts at the committed one) or from the hole itself.
    pipeline.enqueue('t/0', { first: '5', last: '8' }, write('5-8'));
    pipeline.enqueue('t/0', { first: '9', last: '14' }, write('9-14'));
    pipeline.enqueue('t/0', at(15), write('15-24'));
    await pipeline.drain();
    expect(ran).toEqual(['0-9', '5-8', '9-14', '15-24']);
  });

  it('asks for the partition to be read again from the hole for every batch it skips, so a used-up or lost seek cannot stall it', async () => {
    const pipeline = createWritePipeline({ maxPending: 10 });
    const readAgain: string[] = [];
    pipeline.enqueue('t/0', at(10), async () => 'given-up');
    // After a rebalance gave the partition away and back, KafkaJS delivers from the committed offset, past the hole.
    pipeline.enqueue('t/0', at(40), async () => 'stored', (offset) => readAgain.push(offset));
    pipeline.enqueue('t/0', at(50), async () => 'stored', (offset) => readAgain.push(offset));
    await pipeline.drain();

    expect(readAgain).toEqual(['10', '10']);
  });

  it('remembers the earliest unwritten offset when a re-read batch is given up again', async () => {
    const pipeline = createWritePipeline({ maxPending: 10 });
    const ran: string[] = [];
    pipeline.enqueue('t/0', at(30), async () => 'given-up');
    pipeline.enqueue('t/0', at(10), async () => 'given-up');
    await pipeline.drain();
    pipeline.enqueue('t/0', at(20), async () => {
      ran.push('20-29');
      return 'stored';
    });
    await pipeline.drain();
    expect(ran).toEqual([]);
  });

  it('makes the next batch wait, heartbeating, while maxPending writes are queued, and lets it go when one ends', async () => {
    const pipeline = createWritePipeline({ maxPending: 2, heartbeatMs: 5 });
    const a = deferred();
    const b = deferred();
    pipeline.enqueue('t/0', at(70), () => a.promise);
    pipeline.enqueue('t/1', at(80), () => b.promise);
    let beats = 0;
    let room: boolean | null = null;
    const waiting = pipeline.waitForRoom(async () => void (beats += 1), new AbortController().signal).then((answer) => (room = answer));
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(room).toBeNull();
    expect(beats).toBeGreaterThan(0);
    a.resolve('stored');
    await waiting;
    expect(room).toBe(true);
    expect(pipeline.pendingCount()).toBe(1);
    b.resolve('stored');
    await pipeline.drain();
    expect(pipeline.pendingCount()).toBe(0);
  });

  it('answers no room once shutdown has begun', async () => {
    const pipeline = createWritePipeline({ maxPending: 1, heartbeatMs: 5 });
    const a = deferred();
    pipeline.enqueue('t/0', at(90), () => a.promise);
    const controller = new AbortController();
    const waiting = pipeline.waitForRoom(heartbeat, controller.signal);
    controller.abort();
    expect(await waiting).toBe(false);
    a.resolve('stored');
    await pipeline.drain();
  });

  it('stops on a failed write: failed rejects, later writes are skipped, and waiting callers get the error', async () => {
    const pipeline = createWritePipeline({ maxPending: 5 });
    const ran: string[] = [];
    pipeline.enqueue('t/0', at(100), async () => {
      throw new Error('dead-letter topic gone');
    });
    await expect(pipeline.failed).rejects.toThrow('dead-letter topic gone');
    pipeline.enqueue('t/1', at(110), async () => {
      ran.push('1a');
      return 'stored';
    });
    await pipeline.drain();
    expect(ran).toEqual([]);
    await expect(pipeline.waitForRoom(heartbeat, new AbortController().signal)).rejects.toThrow('dead-letter topic gone');
  });
});
