import type { Bus, BusProducer, OutgoingBatch } from './bus';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../runtime/log';
import { createRenewingProducer } from './renewing-producer';

interface FakeProducer {
  id: number;
  connected: boolean;
  failSends: boolean;
  failConnect: boolean;
  sent: OutgoingBatch[];
}

/** A Kafka whose producers are numbered, so a test can see which one sent what. */
function fakeKafka() {
  const producers: FakeProducer[] = [];
  let failNextConnect = false;
  const kafka = {
    producer() {
      const fake: FakeProducer = { id: producers.length + 1, connected: false, failSends: false, failConnect: failNextConnect, sent: [] };
      failNextConnect = false;
      producers.push(fake);
      return {
        async connect() {
          if (fake.failConnect) throw new Error('KafkaJSConnectionError: Connection refused');
          fake.connected = true;
        },
        async disconnect() {
          fake.connected = false;
        },
        async send(batch: OutgoingBatch) {
          if (!fake.connected || fake.failSends) throw new Error('KafkaJSProtocolError: The broker received an out of order sequence number');
          fake.sent.push(batch);
        },
      } satisfies BusProducer;
    },
  } satisfies Pick<Bus, 'producer'>;
  return { kafka, producers, failNextConnect: () => (failNextConnect = true) };
}

const record = (topic: string): OutgoingBatch => ({ topic, messages: [{ key: null, value: topic }] });
const log = createLogger('test', 'error');

describe('createRenewingProducer', () => {
  it('sends on one producer while sends succeed', async () => {
    const { kafka, producers } = fakeKafka();
    const producer = createRenewingProducer(kafka, log);
    await producer.connect();

    await producer.send(record('a'));
    await producer.send(record('b'));

    expect(producers.map((fake) => fake.sent.length)).toEqual([2]);
  });

  it('after a failed send, sends on a fresh producer and disconnects the old one', async () => {
    const { kafka, producers } = fakeKafka();
    const producer = createRenewingProducer(kafka, log);
    await producer.connect();
    producers[0]!.failSends = true;

    await expect(producer.send(record('a'))).rejects.toThrow(/out of order/);
    await producer.send(record('b'));

    expect(producers.map((fake) => ({ id: fake.id, connected: fake.connected, sent: fake.sent.map((sent) => sent.topic) }))).toEqual([
      { id: 1, connected: false, sent: [] },
      { id: 2, connected: true, sent: ['b'] },
    ]);
  });

  it('makes one fresh producer for several sends that failed together', async () => {
    const { kafka, producers } = fakeKafka();
    const producer = createRenewingProducer(kafka, log);
    await producer.connect();
    producers[0]!.failSends = true;

    await Promise.allSettled([producer.send(record('a')), producer.send(record('b'))]);
    await Promise.all([producer.send(record('c')), producer.send(record('d'))]);

    expect(producers).toHaveLength(2);
    expect(producers[1]?.sent.map((sent) => sent.topic)).toEqual(['c', 'd']);
  });

  it('tries again on the next send when the fresh producer cannot connect (broker still down)', async () => {
    const { kafka, producers, failNextConnect } = fakeKafka();
    const producer = createRenewingProducer(kafka, log);
    await producer.connect();
    producers[0]!.failSends = true;
    await expect(producer.send(record('a'))).rejects.toThrow();
    failNextConnect();

    await expect(producer.send(record('b'))).rejects.toThrow(/Connection refused/);
    await producer.send(record('c'));

    expect(producers.map((fake) => fake.sent.map((sent) => sent.topic))).toEqual([[], [], ['c']]);
  });
});
