/** Server-Sent Events on the wire (https://html.spec.whatwg.org/multipage/server-sent-events.html). */

export type StreamEventName = 'change' | 'station' | 'system' | 'reset';

/** One event; `data` is JSON on one line, so no field can break the framing. */
export function sseEvent(event: StreamEventName, data: unknown, id?: string): string {
  return `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** A comment line: keeps proxies and the browser from timing the connection out; EventSource ignores it. */
export const SSE_PING = ': ping\n\n';

/** How long EventSource waits before reconnecting by itself. */
export const SSE_RETRY = (ms: number) => `retry: ${ms}\n\n`;

/** Event ids are `EPOCH.SEQ`: the stream hub's start (a reconnect to another process resets) and a per-system counter. */
export function eventId(epoch: string, seq: number): string {
  return `${epoch}.${seq}`;
}

const EVENT_ID = /^([a-z0-9]{1,20})\.(\d{1,15})$/;

/** The sequence number a client's Last-Event-ID names, when it is one of this epoch's; anything else is null. */
export function parseEventId(header: string | string[] | undefined, epoch: string): number | null {
  if (typeof header !== 'string' || header.length > 40) return null;
  const match = EVENT_ID.exec(header);
  if (!match || match[1] !== epoch) return null;
  const seq = Number(match[2]);
  return Number.isSafeInteger(seq) ? seq : null;
}
