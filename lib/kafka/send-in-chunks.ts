import type { MessageSender, OutgoingMessage } from './bus';

/**
 * A client sends all messages of one call as one request (a record batch per partition), and the
 * broker refuses a batch over message.max.bytes (1 MB by default), failing the whole send. Half of
 * that leaves room for framing and for brokers configured lower.
 */
export const MAX_SEND_BYTES = 512 * 1024;
/** Per-record framing (length, attributes, deltas, headers count) is under this. */
const RECORD_OVERHEAD_BYTES = 64;

const byteLength = (value: OutgoingMessage['key'] | OutgoingMessage['value']) => (value == null ? 0 : Buffer.byteLength(value));

/** Splits messages, in order, into runs whose encoded size stays under maxBytes; a larger message goes alone. */
export function chunkBySize(messages: OutgoingMessage[], maxBytes = MAX_SEND_BYTES): OutgoingMessage[][] {
  const chunks: OutgoingMessage[][] = [];
  let current: OutgoingMessage[] = [];
  let size = 0;
  for (const message of messages) {
    const bytes = RECORD_OVERHEAD_BYTES + byteLength(message.key) + byteLength(message.value);
    if (current.length > 0 && size + bytes > maxBytes) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(message);
    size += bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Sends in order, one request per chunk, each waiting for all in-sync replicas (acks -1). */
export async function sendInChunks(sender: MessageSender, topic: string, messages: OutgoingMessage[], maxBytes = MAX_SEND_BYTES): Promise<void> {
  for (const chunk of chunkBySize(messages, maxBytes)) await sender.send({ topic, messages: chunk });
}
