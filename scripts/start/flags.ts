import { parseArgs } from 'node:util';

export interface StartFlags {
  simulate: boolean;
  stations?: number;
  replay: string[];
}

export const START_USAGE = 'usage: npm start [-- --simulate] [-- --stations N] [-- --replay DIR ...]';

const OPTIONS = { simulate: { type: 'boolean' }, stations: { type: 'string' }, replay: { type: 'string', multiple: true } } as const;

/** node:util's messages for these codes run to several sentences; a person needs the flag and the fix. */
function oneLine(error: unknown): string {
  const code = (error as { code?: string }).code;
  const quoted = error instanceof Error ? /'([^']+)'/.exec(error.message)?.[1] : undefined;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown flag ${quoted ?? ''}`.trim();
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument ${quoted ?? ''}`.trim();
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return error instanceof Error && /argument missing/.test(error.message) ? `${quoted?.split(' ')[0] ?? 'a flag'} needs a value` : `${quoted ?? 'a flag'} takes no value`;
  throw error;
}

/** The flags of `npm start`, or one line saying what is wrong with them. */
export function parseStartFlags(args: string[]): { ok: true; flags: StartFlags } | { ok: false; error: string } {
  let values: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; strict: true }>>['values'];
  try {
    values = parseArgs({ args, options: OPTIONS, strict: true }).values;
  } catch (error) {
    return { ok: false, error: `npm start: ${oneLine(error)}; ${START_USAGE}` };
  }
  let stations: number | undefined;
  if (values.stations !== undefined) {
    stations = Number(values.stations);
    if (!Number.isInteger(stations) || stations < 1 || stations > 100_000) return { ok: false, error: `npm start: --stations must be a whole number from 1 to 100000, not "${values.stations}"` };
  }
  return { ok: true, flags: { simulate: values.simulate ?? false, stations, replay: values.replay ?? [] } };
}
