import { encodeDeadLetter, payloadText } from './messages';
import type { MessageSender } from './bus';
import { chunkBySize } from './send-in-chunks';
import { topicNames } from './topics';

export interface DeadLetter {
  source: 'producer' | 'consumer';
  reason: string;
  systemId?: string;
  stationId?: string;
  topic?: string;
  payload: unknown;
}

export interface DeadLetterOutcome {
  sent: number;
  failed: number;
  /** Why the first failed send failed; null when all were sent. */
  error: string | null;
}

const MAX_REASON = 2_000;
const MAX_ID = 200;
const short = (text: string | undefined, max: number) => (text === undefined ? null : text.slice(0, max));

/**
 * Sends dead letters in requests the broker accepts, each letter at most MAX_DEAD_LETTER_BYTES.
 * Never throws: dead letters are a report, so a failed send is returned for the caller to log and
 * must not stop what produced them. After one failed request the rest are not tried (the broker is
 * likely down, and each try waits out the client's retries).
 */
export async function sendDeadLetters(sender: MessageSender, letters: DeadLetter[]): Promise<DeadLetterOutcome> {
  if (letters.length === 0) return { sent: 0, failed: 0, error: null };
  const at = new Date();
  const messages = letters.map((letter) => ({
    key: short(letter.systemId, MAX_ID),
    value: encodeDeadLetter({
      source: letter.source,
      reason: letter.reason.slice(0, MAX_REASON),
      systemId: short(letter.systemId, MAX_ID),
      stationId: short(letter.stationId, MAX_ID),
      topic: short(letter.topic, MAX_ID),
      payload: payloadText(letter.payload),
      at,
    }),
  }));
  const topic = topicNames().deadLetter;
  let sent = 0;
  for (const chunk of chunkBySize(messages)) {
    try {
      await sender.send({ topic, messages: chunk });
      sent += chunk.length;
    } catch (error) {
      return { sent, failed: letters.length - sent, error: error instanceof Error ? error.message : String(error) };
    }
  }
  return { sent, failed: 0, error: null };
}
