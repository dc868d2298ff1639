import { describe, expect, it } from 'vitest';
import { createSharedResponses, prepareJson, preparedResponse } from './shared-responses';

describe('createSharedResponses', () => {
  it('answers concurrent and repeated requests within the ttl from one query', async () => {
    let clock = 0;
    let queries = 0;
    const { shared } = createSharedResponses({ ttlMs: 1_000, maxEntries: 10, now: () => clock });
    const produce = async () => ({ query: ++queries });
    const first = await Promise.all([shared('a', produce), shared('a', produce), shared('a', produce)]);
    expect(queries).toBe(1);
    expect(new Set(first.map((value) => (value as { text: string }).text))).toEqual(new Set(['{"query":1}']));
    clock = 999;
    await shared('a', produce);
    expect(queries).toBe(1);
    clock = 1_000;
    expect(((await shared('a', produce)) as { text: string }).text).toBe('{"query":2}');
  });

  it('drops expired entries, so a stream of one-off keys holds no memory', async () => {
    let clock = 0;
    let queries = 0;
    const { shared, size } = createSharedResponses({ ttlMs: 1_000, maxEntries: 100, now: () => clock });
    const produce = async () => ++queries;
    await shared('a', produce);
    clock = 500;
    await shared('b', produce);
    clock = 1_200;
    await shared('c', produce);
    expect(size()).toBe(2);
    clock = 1_300;
    await shared('b', produce);
    expect(queries).toBe(3);
    clock = 5_000;
    await shared('d', produce);
    expect(size()).toBe(1);
  });

  it('keeps keys apart and forgets the oldest beyond maxEntries', async () => {
    let queries = 0;
    const { shared } = createSharedResponses({ ttlMs: 60_000, maxEntries: 2, now: () => 0 });
    const produce = async () => ++queries;
    await shared('a', produce);
    await shared('b', produce);
    await shared('c', produce);
    expect(queries).toBe(3);
    await shared('a', produce);
    expect(queries).toBe(4);
  });

  it('gives each waiting request its own copy of an error response', async () => {
    const { shared } = createSharedResponses({ ttlMs: 60_000, maxEntries: 10, now: () => 0 });
    const produce = async () => Response.json({ error: 'unknown system' }, { status: 404 });
    const answers = (await Promise.all([shared('a', produce), shared('a', produce)])) as Response[];
    expect(await Promise.all(answers.map((answer) => answer.json()))).toEqual([{ error: 'unknown system' }, { error: 'unknown system' }]);
  });

  it('does not keep failures or error responses', async () => {
    let calls = 0;
    const { shared } = createSharedResponses({ ttlMs: 60_000, maxEntries: 10, now: () => 0 });
    await expect(shared('a', async () => Promise.reject(new Error(`down ${++calls}`)))).rejects.toThrow('down 1');
    const notFound = await shared('b', async () => Response.json({ error: 'unknown system' }, { status: 404 }));
    expect((notFound as Response).status).toBe(404);
    expect(((await shared('a', async () => 'up')) as { text: string }).text).toBe('"up"');
    expect(await shared('b', async () => 'found')).toHaveProperty('text', '"found"');
  });
});

describe('preparedResponse', () => {
  const request = (headers: Record<string, string>) => new Request('http://x/api', { headers });

  it('sends the prepared body with its ETag', async () => {
    const prepared = prepareJson({ stations: [1, 2, 3] });
    const response = preparedResponse(prepared, request({}));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ stations: [1, 2, 3] });
    expect(response.headers.get('etag')).toBe(prepared.etag);
  });

  it('answers a matching If-None-Match with an empty 304', async () => {
    const prepared = prepareJson({ a: 1 });
    const response = preparedResponse(prepared, request({ 'if-none-match': `W/"other", ${prepared.etag}` }));
    expect(response.status).toBe(304);
    expect(await response.text()).toBe('');
  });
});
