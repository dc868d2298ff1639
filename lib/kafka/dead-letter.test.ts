import type { OutgoingBatch } from './bus';
import { describe, expect, it } from 'vitest';
import { sendDeadLetters } from './dead-letter';
import { MAX_DEAD_LETTER_BYTES } from './messages';
import { MAX_SEND_BYTES } from './send-in-chunks';

const recordBytes = (record: OutgoingBatch) => record.messages.reduce((sum, message) => sum + Buffer.byteLength(message.value as string), 0);

function recordingSender(failOn = Infinity) {
  const records: OutgoingBatch[] = [];
  return {
    records,
    async send(record: OutgoingBatch) {
      if (records.length + 1 >= failOn) throw new Error('KafkaJSProtocolError: The request included a message larger than the max message size the server will accept');
      records.push(record);
    },
  };
}

const flood = Array.from({ length: 40 }, (_, index) => ({ source: 'consumer' as const, reason: 'value is not JSON', stationId: `s-${index}`, payload: '\u0001'.repeat(60_000) }));

describe('sendDeadLetters', () => {
  it('splits 40 letters of 60 KB control characters into requests under MAX_SEND_BYTES, each letter bounded', async () => {
    const sender = recordingSender();

    const outcome = await sendDeadLetters(sender, flood);

    expect(outcome).toEqual({ sent: 40, failed: 0, error: null });
    expect(sender.records.length).toBeGreaterThan(1);
    for (const record of sender.records) expect(recordBytes(record)).toBeLessThanOrEqual(MAX_SEND_BYTES);
    for (const message of sender.records.flatMap((record) => record.messages)) expect(Buffer.byteLength(message.value as string)).toBeLessThanOrEqual(MAX_DEAD_LETTER_BYTES);
  });

  it('returns what failed instead of throwing, and stops trying after the first failed request', async () => {
    const sender = recordingSender(2);

    const outcome = await sendDeadLetters(sender, flood);

    expect(outcome.sent).toBe(sender.records[0]?.messages.length);
    expect(outcome.sent + outcome.failed).toBe(40);
    expect(outcome.error).toMatch(/larger than the max message size/);
  });

  it('caps reason and ids so a hostile key cannot grow the letter', async () => {
    const sender = recordingSender();

    await sendDeadLetters(sender, [{ source: 'consumer', reason: '\u0002'.repeat(100_000), stationId: 'k'.repeat(100_000), payload: '' }]);

    const value = sender.records[0]?.messages[0]?.value as string;
    expect(Buffer.byteLength(value)).toBeLessThan(20_000);
  });
});
