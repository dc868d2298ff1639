import { request } from 'node:http';
import { createSseParser } from '../lib/stream/sse-parser';

/**
 * A separate process of SSE clients for bench/stream.ts: opens N streams to the URL given, tells
 * its parent (IPC) when all are open, and for every `change` event the wall-clock time each stream
 * got it (performance.timeOrigin + now, comparable with the parent's on the same machine).
 */
const [url, countText] = process.argv.slice(2);
const count = Number(countText);
if (!url || !Number.isInteger(count) || count <= 0 || !process.send) throw new Error('usage: stream-clients URL N (as a child process)');
const send = (message: unknown) => process.send?.(message);
const wallNow = () => performance.timeOrigin + performance.now();

// change key → arrival times, one per stream that got it
const arrivals = new Map<string, number[]>();
let open = 0;
let failed = 0;

for (let index = 0; index < count; index += 1) {
  const outgoing = request(url, { agent: false, headers: { Accept: 'text/event-stream' } }, (response) => {
    if (response.statusCode !== 200) {
      failed += 1;
      response.resume();
      return;
    }
    open += 1;
    if (open + failed === count) send({ kind: 'open', open, failed });
    const parser = createSseParser((event) => {
      if (event.event !== 'change') return;
      const { reportedAt, stationId } = JSON.parse(event.data) as { reportedAt: string; stationId: string };
      const key = `${reportedAt}/${stationId}`;
      const list = arrivals.get(key) ?? [];
      list.push(wallNow());
      arrivals.set(key, list);
    }, wallNow);
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => parser.push(chunk));
  });
  outgoing.on('error', () => {
    failed += 1;
    if (open + failed === count) send({ kind: 'open', open, failed });
  });
  outgoing.end();
}

process.on('message', (message) => {
  if (message === 'report') send({ kind: 'arrivals', arrivals: [...arrivals] });
});
