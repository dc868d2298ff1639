import type { Bus, BusProducer, OutgoingBatch } from './bus';
import type { Logger } from '../runtime/log';

/**
 * The producer every sender of this process uses. An idempotent producer numbers its batches per
 * partition and, after a failed send, can disagree with the broker about the next number (KafkaJS
 * does, tulios/kafkajs#598), refusing every later send. So a failed send retires its producer: the next send first
 * makes a new one, which the broker gives a new producer id whose numbering starts afresh. Sends
 * already under way on the old one fail and are retried by their callers, like any failed send.
 */
export function createRenewingProducer(bus: Pick<Bus, 'producer'>, log: Logger): BusProducer {
  const make = () => bus.producer();
  let current: BusProducer = make();
  let retired = false;
  let renewal: Promise<void> | undefined;
  let renewals = 0;

  async function renew(): Promise<void> {
    await current.disconnect().catch(() => undefined);
    const fresh = make();
    try {
      await fresh.connect();
    } catch (error) {
      await fresh.disconnect().catch(() => undefined);
      throw error;
    }
    current = fresh;
    retired = false;
    renewals += 1;
    log.info('fresh Kafka producer after a failed send', { renewals });
  }

  async function usable(): Promise<BusProducer> {
    if (retired) {
      renewal ??= renew().finally(() => (renewal = undefined));
      await renewal;
    }
    return current;
  }

  return {
    connect: () => current.connect(),
    async send(batch: OutgoingBatch): Promise<void> {
      const producer = await usable();
      try {
        await producer.send(batch);
      } catch (error) {
        if (producer === current) retired = true;
        throw error;
      }
    },
    async disconnect() {
      await renewal?.catch(() => undefined);
      await current.disconnect();
    },
  };
}
