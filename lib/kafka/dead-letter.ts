import type { Producer } from 'kafkajs';
import { encode, truncatePayload } from './messages';
import { topicNames } from './topics';

export interface DeadLetter {
  source: 'producer' | 'consumer';
  reason: string;
  systemId?: string;
  stationId?: string;
  topic?: string;
  payload: unknown;
}

export async function sendDeadLetters(producer: Producer, letters: DeadLetter[]): Promise<void> {
  if (letters.length === 0) return;
  const at = new Date();
  await producer.send({
    topic: topicNames().deadLetter,
    acks: -1,
    messages: letters.map((letter) => ({
      key: letter.systemId ?? null,
      value: encode({
        source: letter.source,
        reason: letter.reason.slice(0, 2000),
        systemId: letter.systemId ?? null,
        stationId: letter.stationId ?? null,
        topic: letter.topic ?? null,
        payload: truncatePayload(letter.payload),
        at,
      }),
    })),
  });
}
