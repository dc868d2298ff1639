import type { FeedRecorder } from './feed-recorder';
import type { LogLine, WatchedProcess } from './watched-process';

type LedgerEvent = { at: number; kind: 'served'; lastUpdated: number } | { at: number; kind: 'polled' | 'failed' };

const TIME = /^time=(\S+)/;

function lineTime(line: LogLine): number {
  const match = TIME.exec(line.text);
  return match?.[1] ? Date.parse(match[1]) : line.at;
}

/**
 * Which station_status snapshots the producer had acknowledged by Kafka: a snapshot counts once the
 * producer logged `polled` (it does so only after every send of that poll was acknowledged) before
 * it fetched the next one. Served times come from the recorder, log times from the producer's own
 * `time=` field; both are this machine's clock, and the poll loop sleeps between the two.
 */
export function createAckLedger(recorder: FeedRecorder) {
  const events: LedgerEvent[] = [];
  recorder.onServed(({ at, lastUpdated }) => events.push({ at, kind: 'served', lastUpdated }));

  return {
    watch(producer: WatchedProcess) {
      producer.onLine((line) => {
        if (/ msg=polled /.test(line.text)) events.push({ at: lineTime(line), kind: 'polled' });
        else if (/ msg="poll failed/.test(line.text)) events.push({ at: lineTime(line), kind: 'failed' });
      });
    },
    /** last_updated (seconds) of every snapshot whose poll was acknowledged. */
    acknowledged(): Set<number> {
      const ordered = [...events].sort((a, b) => a.at - b.at || (a.kind === 'served' ? -1 : 1));
      const acked = new Set<number>();
      let current: number | undefined;
      for (const event of ordered) {
        if (event.kind === 'served') current = event.lastUpdated;
        else if (event.kind === 'polled' && current !== undefined) acked.add(current);
        if (event.kind !== 'served') current = undefined;
      }
      return acked;
    },
    /** last_updated of every distinct snapshot the feed served, in order. */
    served(): number[] {
      return [...new Set(recorder.served.map((entry) => entry.lastUpdated))];
    },
  };
}

export type AckLedger = ReturnType<typeof createAckLedger>;
