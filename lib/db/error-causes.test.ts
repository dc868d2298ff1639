import { describe, expect, it } from 'vitest';
import { causeChain, errorCodes } from './error-causes';

const withCode = (message: string, code: string, cause?: unknown) => Object.assign(new Error(message, { cause }), { code });

describe('errorCodes', () => {
  it('finds a SQLSTATE that drizzle wrapped in its own error', () => {
    const driver = withCode('duplicate key value violates unique constraint', '23505');
    expect(errorCodes(new Error('Failed query: INSERT …', { cause: driver }))).toEqual(['23505']);
  });

  it('lists codes outermost first and ignores causes without one', () => {
    const socket = withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED');
    expect(errorCodes(withCode('outer', '57P01', new Error('middle', { cause: socket })))).toEqual(['57P01', 'ECONNREFUSED']);
  });

  it('has nothing for values that are not errors', () => {
    expect(errorCodes(undefined)).toEqual([]);
    expect(errorCodes('boom')).toEqual([]);
  });
});

describe('causeChain', () => {
  it('stops after four levels, so a cause that loops back cannot hang it', () => {
    const looped = new Error('a') as Error & { cause?: unknown };
    looped.cause = looped;
    expect(causeChain(looped)).toHaveLength(4);
  });
});
