import type { Readable } from 'node:stream';

/**
 * Reads a message stream in rounds: each resolves with everything buffered (at most `max`), waiting
 * for the first message, or null once the stream has ended. The listener stays attached so the
 * stream keeps fetching ahead while a round is handled.
 */
export function createRoundReader<T>(stream: Readable, max: number): () => Promise<T[] | null> {
  let wake: (() => void) | undefined;
  const signal = () => wake?.();
  stream.on('readable', signal);
  stream.on('end', signal);
  stream.on('close', signal);
  stream.on('error', signal);

  return async function nextRound(): Promise<T[] | null> {
    for (;;) {
      const taken: T[] = [];
      while (taken.length < max) {
        const item = stream.read() as T | null;
        if (item === null) break;
        taken.push(item);
      }
      if (taken.length > 0) return taken;
      if (stream.destroyed || stream.readableEnded) return null;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  };
}
