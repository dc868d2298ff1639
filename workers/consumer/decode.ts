import type { z } from 'zod';
import { describeZodError } from '../../lib/gbfs/errors';
import {
  stationInformationMessageSchema,
  stationStatusMessageSchema,
  systemMessageSchema,
} from '../../lib/kafka/messages';
import type { ReceivedMessage } from '../../lib/kafka/bus';

export const MAX_MESSAGE_BYTES = 64 * 1024;

const schemaByKind = {
  system: systemMessageSchema,
  stationInformation: stationInformationMessageSchema,
  stationStatus: stationStatusMessageSchema,
} as const;

export type ConsumedKind = keyof typeof schemaByKind;
export const CONSUMED_KINDS = Object.keys(schemaByKind) as ConsumedKind[];

export type Decoded<K extends ConsumedKind> =
  | { ok: true; value: z.infer<(typeof schemaByKind)[K]> }
  | { ok: false; reason: string; payload: string };

/** Kafka values are untrusted: size, JSON and schema are checked before anything is written. */
export function decodeMessage<K extends ConsumedKind>(kind: K, message: ReceivedMessage): Decoded<K> {
  const payload = message.value?.toString('utf8') ?? '';
  if (!message.value || message.value.byteLength === 0) return { ok: false, reason: 'empty value', payload };
  if (message.value.byteLength > MAX_MESSAGE_BYTES) {
    return { ok: false, reason: `value of ${message.value.byteLength} bytes is over ${MAX_MESSAGE_BYTES}`, payload };
  }
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return { ok: false, reason: 'value is not JSON', payload };
  }
  const result = schemaByKind[kind].safeParse(json);
  if (!result.success) return { ok: false, reason: `schema: ${describeZodError(result.error)}`, payload };
  return { ok: true, value: result.data as z.infer<(typeof schemaByKind)[K]> };
}
