export interface ReceivedEvent {
  id: string | null;
  event: string;
  data: string;
  /** performance.now() when its last line arrived. */
  at: number;
}

/**
 * A streaming text/event-stream parser (the spec's field rules, enough for our events): feed it
 * chunks as they arrive, it calls `onEvent` for each complete event. Comments (`: ping`) and
 * `retry:` lines are counted but not events.
 */
export function createSseParser(onEvent: (event: ReceivedEvent) => void, now: () => number = () => performance.now()) {
  let buffer = '';
  let id: string | null = null;
  let event = '';
  let data: string[] = [];
  let comments = 0;

  function line(text: string): void {
    if (text === '') {
      if (data.length > 0) onEvent({ id, event: event || 'message', data: data.join('\n'), at: now() });
      event = '';
      data = [];
      return;
    }
    if (text.startsWith(':')) {
      comments += 1;
      return;
    }
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    const value = colon === -1 ? '' : text.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') id = value;
    else if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }

  return {
    push(chunk: string): void {
      buffer += chunk;
      let end = buffer.indexOf('\n');
      while (end !== -1) {
        line(buffer.slice(0, end).replace(/\r$/, ''));
        buffer = buffer.slice(end + 1);
        end = buffer.indexOf('\n');
      }
    },
    comments: () => comments,
  };
}
