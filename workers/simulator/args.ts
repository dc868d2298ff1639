import { parseArgs } from 'node:util';
import { z } from 'zod';

/** A bad command line or --from folder: reported as one line, exit code 2. */
export class UsageError extends Error {}

export const USAGE = `Usage: npx tsx workers/simulator/index.ts [--from DIR] [--port N] [--interval SECONDS] [--seed N] [--stations N] [--host H]
  --from DIR          replay recorded GBFS files from DIR instead of simulating a city
  --port N            port to listen on (default 8181; 0 picks a free one)
  --host H            address to listen on (default 127.0.0.1)
  --interval SECONDS  seconds per tick or snapshot, also the feeds' ttl (default 10; 0 = next one per fetch)
  --seed N            synthetic city seed (default 1)
  --stations N        synthetic city size (default 250)`;

const integer = (min: number, max: number) => {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.string().regex(/^-?\d+$/, message).transform(Number).pipe(z.number().min(min, message).max(max, message));
};

const optionsSchema = z.object({
  from: z.string().min(1, 'must name a folder').optional(),
  host: z.string().regex(/^[\w.:-]+$/, 'must be a host name or IP address').default('127.0.0.1'),
  port: integer(0, 65535).default(8181),
  interval: integer(0, 86_400).default(10),
  seed: integer(-2_147_483_648, 4_294_967_295).default(1),
  stations: integer(2, 2000).default(250),
});

export type SimulatorOptions = z.infer<typeof optionsSchema>;
export const DEFAULT_OPTIONS: SimulatorOptions = optionsSchema.parse({});

export type Command = { kind: 'help' } | { kind: 'run'; options: SimulatorOptions };

function tokenize(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        from: { type: 'string' },
        host: { type: 'string' },
        port: { type: 'string' },
        interval: { type: 'string' },
        seed: { type: 'string' },
        stations: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    // One line, without Node's advice on positionals after '--', which this command does not take.
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.replace(/\s*\n\s*/g, ' ').replace(/\. To specify a positional argument.*$/, ''));
  }
}

/** Parses the simulator's command line (without node and script); throws a UsageError. */
export function parseSimulatorArgs(argv: readonly string[]): Command {
  const { help, ...given } = tokenize(argv);
  if (help === true) return { kind: 'help' };
  if (given.from !== undefined && (given.seed !== undefined || given.stations !== undefined)) {
    throw new UsageError('--seed and --stations describe the synthetic city and cannot be used with --from');
  }
  const result = optionsSchema.safeParse(given);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue?.path[0] ?? 'arguments');
    const value = Object.entries(given).find(([key]) => key === name)?.[1];
    throw new UsageError(`--${name} ${JSON.stringify(value)}: ${issue?.message ?? 'invalid'}`);
  }
  return { kind: 'run', options: result.data };
}
