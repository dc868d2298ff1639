import { request, type IncomingHttpHeaders } from 'node:http';
import { createSseParser, type ReceivedEvent } from '../../lib/stream/sse-parser';

export interface OpenStream {
  status: number;
  headers: IncomingHttpHeaders;
  /** Every event so far, in arrival order. */
  events: ReceivedEvent[];
  /** The body when the answer was not a stream (an error's JSON). */
  body: () => string;
  comments: () => number;
  /** The server ended the response. */
  ended: () => boolean;
  next(predicate: (event: ReceivedEvent) => boolean, timeoutMs: number): Promise<ReceivedEvent>;
  close(): void;
}

/** An SSE client over plain node:http (no EventSource in Node 20), from a chosen loopback address. */
export function openStream(url: string, options: { headers?: Record<string, string>; localAddress?: string } = {}): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { headers: { Accept: 'text/event-stream', ...options.headers }, localAddress: options.localAddress, agent: false }, (response) => {
      const events: ReceivedEvent[] = [];
      const waiters = new Set<() => void>();
      let raw = '';
      let ended = false;
      response.on('end', () => (ended = true));
      const parser = createSseParser((event) => {
        events.push(event);
        for (const wake of waiters) wake();
      });
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        if (response.statusCode === 200) parser.push(chunk);
        else raw += chunk;
      });
      response.on('error', () => undefined);
      resolve({
        status: response.statusCode ?? 0,
        headers: response.headers,
        events,
        body: () => raw,
        comments: parser.comments,
        ended: () => ended,
        next(predicate, timeoutMs) {
          const seen = events.length;
          return new Promise((done, fail) => {
            let checked = 0;
            const check = () => {
              for (; checked < events.length; checked += 1) {
                const event = events[checked];
                if (checked >= seen && event && predicate(event)) {
                  cleanup();
                  return done(event);
                }
              }
            };
            const timer = setTimeout(() => {
              cleanup();
              fail(new Error(`no matching event within ${timeoutMs} ms (${events.length} events so far)`));
            }, timeoutMs);
            const cleanup = () => {
              clearTimeout(timer);
              waiters.delete(check);
            };
            checked = seen;
            waiters.add(check);
          });
        },
        close: () => outgoing.destroy(),
      });
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}
