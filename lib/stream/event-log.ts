export interface LoggedEvent {
  seq: number;
  at: number;
  /** The event as written on the wire, id included. */
  text: string;
}

/**
 * A system's recent events, so a stream that reconnects with Last-Event-ID gets exactly what it
 * missed. Bounded by count and age: a client further behind is told to start over (`null`).
 */
export function createEventLog(options: { maxEvents: number; maxAgeMs: number }) {
  const events: LoggedEvent[] = [];
  let lastSeq = 0;

  function trim(now: number): void {
    while (events.length > options.maxEvents || (events[0] && now - events[0].at > options.maxAgeMs)) events.shift();
  }

  return {
    /** Appends an event; `format` gets its sequence number to put in its id. */
    append(format: (seq: number) => string, now: number): LoggedEvent {
      lastSeq += 1;
      const event = { seq: lastSeq, at: now, text: format(lastSeq) };
      events.push(event);
      trim(now);
      return event;
    },
    /** The events after `seq`, or null when some of them are no longer kept (or `seq` was never sent). */
    after(seq: number, now: number): LoggedEvent[] | null {
      trim(now);
      if (seq > lastSeq) return null;
      const oldest = events[0]?.seq ?? lastSeq + 1;
      if (seq < oldest - 1) return null;
      return events.filter((event) => event.seq > seq);
    },
    lastSeq: () => lastSeq,
  };
}

export type EventLog = ReturnType<typeof createEventLog>;
