import { z } from 'zod';
import { feedProblemsSchema } from '../feed-health/problem-schema';
import { MAX_COUNT } from '../gbfs/primitives';
import { hasControlCharacter } from '../text/control-characters';

/** Kafka message values. Producers write them with encode*; consumers read them with the schemas. */

const MAX_ID_LENGTH = 200;

// A codec rather than .transform(): decodeMessage of a status message took 4.0–4.1 µs against
// 4.8–5.2 (alternating runs, commit 424643d); this field is the largest single cost of decoding one.
// z.codec needs the encode half; encode() below gets the same text from JSON.stringify.
const isoTime = z.codec(z.iso.datetime({ offset: true }), z.date(), {
  decode: (text) => new Date(text),
  encode: (date) => date.toISOString(),
});
// One check per field, not .int().min().max(): zod runs every check on its own, and the status
// message has five such fields. Parsing one took 1.5–2.3 µs against 2.2–3.1 with the chained
// checks (best of 12 × 30,000 parses, alternated, three runs, 2026-12-02): the consumer's hot path.
const count = z.number().refine((n) => Number.isInteger(n) && n >= 0 && n <= MAX_COUNT, `a whole number from 0 to ${MAX_COUNT}`);
// PostgreSQL text cannot hold NUL; control characters in ids are refused before the database sees them.
const id = z
  .string()
  .refine((text) => text.length >= 1 && text.length <= MAX_ID_LENGTH && !hasControlCharacter(text), `1 to ${MAX_ID_LENGTH} characters, no control characters`);

// PostgreSQL text and jsonb refuse NUL: such a value is a bad message (dead-lettered when decoded),
// not a row the database refuses, which would count towards a systemic refusal and stop the consumer.
const text = (maxLength: number) => z.string().max(maxLength).refine((value) => !value.includes('\u0000'), 'NUL character');

export const systemMessageSchema = z.object({
  systemId: id,
  name: text(500),
  timezone: text(100),
  language: text(20).nullable(),
  operator: text(500).nullable(),
  licenseUrl: text(2000).nullable(),
  feedUrl: text(2000),
  ttlSeconds: z.number().int().min(0).max(86_400),
  simulated: z.boolean(),
  statusUpdatedAt: isoTime.nullable(),
  polledAt: isoTime,
  // Optional so messages from producers that predate the schema check still parse.
  gbfsVersion: text(20).nullable().optional(),
  feedProblems: feedProblemsSchema.refine((problems) => !JSON.stringify(problems).includes('\\u0000'), 'NUL character').optional(),
});

export const stationInformationMessageSchema = z.object({
  systemId: id,
  stationId: id,
  name: text(500),
  address: text(1000).nullable(),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  capacity: count.nullable(),
  seenAt: isoTime,
});

export const stationStatusMessageSchema = z.object({
  systemId: id,
  stationId: id,
  reportedAt: isoTime,
  bikes: count,
  ebikes: count.nullable(),
  docks: count.nullable(),
  isInstalled: z.boolean(),
  isRenting: z.boolean(),
  isReturning: z.boolean(),
});

export const deadLetterMessageSchema = z.object({
  source: z.string(),
  reason: z.string(),
  systemId: z.string().nullable(),
  stationId: z.string().nullable(),
  topic: z.string().nullable(),
  payload: z.string(),
  at: isoTime,
});

export type SystemMessage = z.infer<typeof systemMessageSchema>;
export type StationInformationMessage = z.infer<typeof stationInformationMessageSchema>;
export type StationStatusMessage = z.infer<typeof stationStatusMessageSchema>;
export type DeadLetterMessage = z.infer<typeof deadLetterMessageSchema>;

/** Dates become ISO strings through JSON.stringify, which the schemas read back. */
export function encode(value: SystemMessage | StationInformationMessage | StationStatusMessage | DeadLetterMessage): string {
  return JSON.stringify(value);
}

/** A dead letter, encoded, is at most this many bytes: far below the broker's message.max.bytes. */
export const MAX_DEAD_LETTER_BYTES = 64 * 1024;

/** A rejected record as text for the dead letter's payload field. */
export function payloadText(payload: unknown): string {
  return typeof payload === 'string' ? payload : (JSON.stringify(payload) ?? String(payload));
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** UTF-8 bytes JSON.stringify writes for the UTF-16 unit at `index`; a surrogate pair counts 4 on its low half. */
function encodedBytes(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code === 0x22 || code === 0x5c || code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d) return 2;
  if (code < 0x20) return 6;
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (isHighSurrogate(code)) return isLowSurrogate(text.charCodeAt(index + 1)) ? 0 : 6;
  if (isLowSurrogate(code)) return isHighSurrogate(text.charCodeAt(index - 1)) ? 4 : 6;
  return 3;
}

/** The longest prefix of `text` whose JSON string encoding (quotes excluded) fits in `maxBytes`; never splits a surrogate pair. */
export function jsonPrefix(text: string, maxBytes: number): string {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const size = encodedBytes(text, index);
    // A pair's high half is checked with the pair's 4 bytes, so a cut never falls between the halves.
    if (bytes + (size || 4) > maxBytes) return text.slice(0, index);
    bytes += size;
  }
  return text;
}

/**
 * Encodes a dead letter of at most MAX_DEAD_LETTER_BYTES. The payload is cut after measuring its
 * encoded size: JSON escapes a control character as six bytes, so 60 KB of them become 360 KB.
 * The other fields must already be short (sendDeadLetters caps them).
 */
export function encodeDeadLetter(letter: DeadLetterMessage): string {
  if (letter.payload.length <= MAX_DEAD_LETTER_BYTES) {
    const whole = encode(letter);
    if (Buffer.byteLength(whole) <= MAX_DEAD_LETTER_BYTES) return whole;
  }
  const note = `…[truncated, ${letter.payload.length} chars]`;
  const others = Buffer.byteLength(encode({ ...letter, payload: note }));
  return encode({ ...letter, payload: jsonPrefix(letter.payload, Math.max(0, MAX_DEAD_LETTER_BYTES - others)) + note });
}
