import type { KafkaMessage } from 'kafkajs';
import type { z } from 'zod';
import { describeZodError } from '../../lib/gbfs/errors';
import {
  stationInformationMessageSchema,
  stationStatusMessageSchema,
  systemMessageSchema,
} from '../../lib/kafka/messages';
import { TOPICS } from '../../lib/kafka/topics';

export const MAX_MESSAGE_BYTES = 64 * 1024;

const schemaByTopic = {
  [TOPICS.system]: systemMessageSchema,
  [TOPICS.stationInformation]: stationInformationMessageSchema,
  [TOPICS.stationStatus]: stationStatusMessageSchema,
} as const;

export type ConsumedTopic = keyof typeof schemaByTopic;
export const CONSUMED_TOPICS = Object.keys(schemaByTopic) as ConsumedTopic[];

export type Decoded<T extends ConsumedTopic> =
  | { ok: true; value: z.infer<(typeof schemaByTopic)[T]> }
  | { ok: false; reason: string; payload: string };

/** Kafka values are untrusted: size, JSON and schema are checked before anything is written. */
export function decodeMessage<T extends ConsumedTopic>(topic: T, message: KafkaMessage): Decoded<T> {
  const payload = message.value?.toString('utf8') ?? '';
  if (!message.value) return { ok: false, reason: 'empty value', payload };
  if (message.value.byteLength > MAX_MESSAGE_BYTES) {
    return { ok: false, reason: `value of ${message.value.byteLength} bytes is over ${MAX_MESSAGE_BYTES}`, payload };
  }
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return { ok: false, reason: 'value is not JSON', payload };
  }
  const result = schemaByTopic[topic].safeParse(json);
  if (!result.success) return { ok: false, reason: `schema: ${describeZodError(result.error)}`, payload };
  return { ok: true, value: result.data as z.infer<(typeof schemaByTopic)[T]> };
}

export function isConsumedTopic(topic: string): topic is ConsumedTopic {
  return topic in schemaByTopic;
}
