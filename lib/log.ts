type Level = 'debug' | 'info' | 'warn' | 'error';
type Fields = Record<string, unknown>;

const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function formatValue(value: unknown): string {
  if (value instanceof Error) return JSON.stringify(value.message);
  if (typeof value === 'string') return /[\s="]/.test(value) ? JSON.stringify(value) : value;
  return JSON.stringify(value) ?? 'undefined';
}

/** logfmt lines on stderr: readable by people, parseable by log shippers. */
export function createLogger(component: string, minLevel: Level = 'info') {
  const write = (level: Level, message: string, fields: Fields = {}) => {
    if (order[level] < order[minLevel]) return;
    const parts = [`time=${new Date().toISOString()}`, `level=${level}`, `component=${component}`, `msg=${formatValue(message)}`];
    for (const [key, value] of Object.entries(fields)) parts.push(`${key}=${formatValue(value)}`);
    process.stderr.write(parts.join(' ') + '\n');
  };
  return {
    debug: (message: string, fields?: Fields) => write('debug', message, fields),
    info: (message: string, fields?: Fields) => write('info', message, fields),
    warn: (message: string, fields?: Fields) => write('warn', message, fields),
    error: (message: string, fields?: Fields) => write('error', message, fields),
  };
}

export type Logger = ReturnType<typeof createLogger>;
