import { describe, expect, it } from 'vitest';
import { createLineSplitter } from './line-splitter';

function split(chunks: (string | Buffer)[]): string[] {
  const lines: string[] = [];
  const splitter = createLineSplitter((line) => lines.push(line));
  for (const chunk of chunks) splitter.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  splitter.end();
  return lines;
}

describe('createLineSplitter', () => {
  it('prints a line that arrives in two chunks as one line', () => {
    expect(split(['time=1 level=info msg="consumer sta', 'rted"\nsecond\n'])).toEqual(['time=1 level=info msg="consumer started"', 'second']);
  });

  it('gives several lines of one chunk one by one, without the empty ones or Windows line ends', () => {
    expect(split(['a\r\n\nb\n', 'c\n'])).toEqual(['a', 'b', 'c']);
  });

  it('keeps a character whose bytes are split between chunks', () => {
    const bytes = Buffer.from('Ø Å\n');
    expect(split([bytes.subarray(0, 1), bytes.subarray(1)])).toEqual(['Ø Å']);
  });

  it('gives out a last line without a newline when the stream ends', () => {
    expect(split(['ready\npartial'])).toEqual(['ready', 'partial']);
  });
});
