import { StringDecoder } from 'node:string_decoder';

/**
 * Turns a stream's chunks into whole lines: a line (or a multi-byte character) cut between two
 * chunks is held until its end arrives, and whatever is left is given out at `end`.
 */
export function createLineSplitter(onLine: (line: string) => void) {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  const emit = (line: string) => {
    const trimmed = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (trimmed) onLine(trimmed);
  };
  return {
    push(chunk: Buffer) {
      const lines = (rest + decoder.write(chunk)).split('\n');
      rest = lines.pop() ?? '';
      lines.forEach(emit);
    },
    end() {
      emit(rest + decoder.end());
      rest = '';
    },
  };
}
