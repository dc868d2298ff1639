import { pino, stdTimeFunctions, type Logger as PinoLogger } from 'pino';

export type Level = 'debug' | 'info' | 'warn' | 'error';
export type LogFormat = 'text' | 'json';
export interface LogSettings {
  level: Level;
  format: LogFormat;
}
type Fields = Record<string, unknown>;

const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

// Next.js bundles its own copy of this module into the web's route handlers: the settings live on
// globalThis, so that copy follows what the process configured at start.
const SHARED = Symbol.for('bikestream.log');
interface Shared {
  settings: LogSettings;
  json?: PinoLogger;
}
const shared = ((globalThis as Record<symbol, Shared | undefined>)[SHARED] ??= { settings: { level: 'info', format: 'text' } });

/** Set once per process, by runMain, from LOG_LEVEL and LOG_FORMAT. */
export function configureLogging(settings: LogSettings): void {
  shared.settings = settings;
}

const plain = (value: unknown): unknown => (value instanceof Error ? value.message : value);

function formatValue(value: unknown): string {
  const shown = plain(value);
  if (typeof shown === 'string') return /[\s="]/.test(shown) ? JSON.stringify(shown) : shown;
  return JSON.stringify(shown) ?? 'undefined';
}

/** logfmt: readable by people, parseable by log shippers. */
function textLine(level: Level, component: string, message: string, fields: Fields): string {
  const parts = [`time=${new Date().toISOString()}`, `level=${level}`, `component=${component}`, `msg=${formatValue(message)}`];
  for (const [key, value] of Object.entries(fields)) parts.push(`${key}=${formatValue(value)}`);
  return parts.join(' ') + '\n';
}

function jsonLogger(): PinoLogger {
  // Level filtering is done below, the same for both formats; stderr is synchronous on Linux, so a crash's last line is not lost.
  shared.json ??= pino({ level: 'debug', timestamp: stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } }, process.stderr);
  return shared.json;
}

/** Lines on stderr: logfmt by default, one JSON object per line with LOG_FORMAT=json. `minLevel` overrides LOG_LEVEL. */
export function createLogger(component: string, minLevel?: Level) {
  const write = (level: Level, message: string, fields: Fields = {}) => {
    const { settings } = shared;
    if (order[level] < order[minLevel ?? settings.level]) return;
    if (settings.format === 'json') {
      jsonLogger()[level]({ component, ...Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, plain(value)])) }, message);
    } else {
      process.stderr.write(textLine(level, component, message, fields));
    }
  };
  return {
    debug: (message: string, fields?: Fields) => write('debug', message, fields),
    info: (message: string, fields?: Fields) => write('info', message, fields),
    warn: (message: string, fields?: Fields) => write('warn', message, fields),
    error: (message: string, fields?: Fields) => write('error', message, fields),
  };
}

export type Logger = ReturnType<typeof createLogger>;
