import { afterEach, describe, expect, it, vi } from 'vitest';
import { configureLogging, createLogger } from './log';

function captureStderr(): () => string[] {
  const lines: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  });
  return () => lines;
}

afterEach(() => {
  vi.restoreAllMocks();
  configureLogging({ level: 'info', format: 'text' });
});

describe('LOG_LEVEL', () => {
  it('hides debug lines at info and shows them at debug', () => {
    const lines = captureStderr();
    const log = createLogger('producer');

    configureLogging({ level: 'info', format: 'text' });
    log.debug('polled', { stations: 3 });
    log.info('started');
    expect(lines()).toHaveLength(1);
    expect(lines()[0]).toMatch(/^time=\S+ level=info component=producer msg=started$/);

    configureLogging({ level: 'debug', format: 'text' });
    log.debug('polled', { stations: 3 });
    expect(lines()[1]).toMatch(/ level=debug component=producer msg=polled stations=3$/);
  });

  it('drops everything below warn at warn, and a logger given its own level keeps it', () => {
    const lines = captureStderr();
    configureLogging({ level: 'warn', format: 'text' });
    createLogger('consumer').info('batch stored');
    createLogger('consumer').warn('slow batch', { ms: 900 });
    createLogger('test', 'debug').debug('detail');
    expect(lines().map((line) => line.replace(/^time=\S+ /, ''))).toEqual(['level=warn component=consumer msg="slow batch" ms=900', 'level=debug component=test msg=detail']);
  });
});

describe('LOG_FORMAT=json', () => {
  it('writes one JSON object per line with level, time, component, message and fields', () => {
    const lines = captureStderr();
    configureLogging({ level: 'info', format: 'json' });
    const log = createLogger('producer');

    log.debug('hidden');
    log.error('feed failed', { url: 'https://example.com/gbfs.json', error: new Error('timeout after 10 s'), attempt: 2 });

    expect(lines()).toHaveLength(1);
    const entry = JSON.parse(lines()[0] ?? '') as Record<string, unknown>;
    expect(entry).toMatchObject({ level: 'error', component: 'producer', msg: 'feed failed', url: 'https://example.com/gbfs.json', error: 'timeout after 10 s', attempt: 2 });
    expect(new Date(String(entry.time)).toISOString()).toBe(entry.time);
  });
});
