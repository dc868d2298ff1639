import { describe, expect, it } from 'vitest';
import { createEventLog } from './event-log';
import { eventId, parseEventId, sseEvent } from './sse-format';

const text = (seq: number) => `e${seq}`;

describe('event log', () => {
  it('replays exactly the events after the last one a client saw', () => {
    const log = createEventLog({ maxEvents: 10, maxAgeMs: 60_000 });
    for (let i = 0; i < 5; i++) log.append(text, 0);
    expect(log.after(2, 0)?.map((event) => event.text)).toEqual(['e3', 'e4', 'e5']);
    expect(log.after(5, 0)).toEqual([]);
  });

  it('says start over when the missed events are no longer kept, or the id was never sent', () => {
    const log = createEventLog({ maxEvents: 3, maxAgeMs: 60_000 });
    for (let i = 0; i < 6; i++) log.append(text, 0);
    expect(log.after(3, 0)?.map((event) => event.text)).toEqual(['e4', 'e5', 'e6']);
    expect(log.after(2, 0)).toBeNull();
    expect(log.after(7, 0)).toBeNull();
  });

  it('forgets events older than its window', () => {
    const log = createEventLog({ maxEvents: 100, maxAgeMs: 1_000 });
    log.append(text, 0);
    log.append(text, 900);
    expect(log.after(0, 1_500)).toBeNull();
    expect(log.after(1, 1_500)?.map((event) => event.text)).toEqual(['e2']);
  });
});

describe('event ids', () => {
  it('are read back only when they are this epoch’s', () => {
    expect(parseEventId(eventId('k2x', 41), 'k2x')).toBe(41);
    expect(parseEventId(eventId('old', 41), 'k2x')).toBeNull();
  });

  it('ignore garbage, huge and repeated headers', () => {
    for (const header of ['', 'k2x', 'k2x.-1', 'k2x.1e5', `k2x.${'9'.repeat(30)}`, 'x'.repeat(10_000), '../../etc', 'k2x.1\nevent: reset']) {
      expect(parseEventId(header, 'k2x')).toBeNull();
    }
    expect(parseEventId(['k2x.1', 'k2x.2'], 'k2x')).toBeNull();
  });

  it('frame data on one line, so a name with a newline cannot inject an event', () => {
    expect(sseEvent('change', { name: 'a\n\nevent: reset' }, 'k.1')).toBe('id: k.1\nevent: change\ndata: {"name":"a\\n\\nevent: reset"}\n\n');
  });
});
