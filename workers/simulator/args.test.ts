import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, parseSimulatorArgs, UsageError } from './args';

const run = (...argv: string[]) => {
  const command = parseSimulatorArgs(argv);
  if (command.kind !== 'run') throw new Error('expected run');
  return command.options;
};

describe('parseSimulatorArgs', () => {
  it('defaults to a 250-station GBFS 2.3 synthetic city on 127.0.0.1:8181 ticking every 10 s', () => {
    expect(run()).toEqual({ host: '127.0.0.1', port: 8181, interval: 10, seed: 1, stations: 250, gbfsVersion: '2.3', systemId: 'bikestream-sim' });
    expect(DEFAULT_OPTIONS).toEqual(run());
  });

  it('reads every option', () => {
    expect(run('--port', '0', '--interval', '0', '--seed', '42', '--stations', '30', '--host', '0.0.0.0', '--gbfs-version', '3.0', '--system-id', 'city-b')).toEqual({
      host: '0.0.0.0',
      port: 0,
      interval: 0,
      seed: 42,
      stations: 30,
      gbfsVersion: '3.0',
      systemId: 'city-b',
    });
    expect(run('--gbfs-version=1.1').gbfsVersion).toBe('1.1');
    expect(run('--from', '/data/oslo', '--interval=3').from).toBe('/data/oslo');
  });

  it('reads the labelled city\'s file and clock', () => {
    expect(run('--labels', '/tmp/labels.jsonl', '--tick-seconds', '60')).toMatchObject({ labels: '/tmp/labels.jsonl', tickSeconds: 60 });
    expect(run('--labels', 'out.jsonl').tickSeconds).toBeUndefined();
  });

  it('answers --help', () => {
    expect(parseSimulatorArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseSimulatorArgs(['-h'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['--port', 'abc'], '--port "abc": must be a whole number from 0 to 65535'],
    [['--port', '70000'], '--port "70000": must be a whole number from 0 to 65535'],
    [['--interval=-1'], '--interval "-1": must be a whole number from 0 to 86400'],
    [['--interval', '1.5'], '--interval "1.5": must be a whole number from 0 to 86400'],
    [['--stations', '1'], '--stations "1": must be a whole number from 2 to 2000'],
    [['--from', ''], '--from "": must name a folder'],
    [['--from', 'x', '--seed', '2'], '--seed describes the synthetic city and cannot be used with --from'],
    [['--from', 'x', '--stations', '9', '--gbfs-version', '3.0'], '--stations, --gbfs-version describe the synthetic city and cannot be used with --from'],
    [['--from', 'x', '--system-id', 'b'], '--system-id describes the synthetic city'],
    [['--gbfs-version', '2.2'], '--gbfs-version "2.2": must be one of 1.1, 2.3, 3.0'],
    [['--system-id', 'Bad Id'], '--system-id "Bad Id": must be lower-case letters, digits, - or _'],
    [['--interval', '-1'], "'--interval' argument is ambiguous"],
    [['--bogus'], "Unknown option '--bogus'"],
    [['--tick-seconds', '60'], '--tick-seconds sets the labelled city\'s clock and needs --labels'],
    [['--labels', 'x', '--tick-seconds', '0'], '--tick-seconds "0": must be a whole number from 1 to 3600'],
    [['--from', 'x', '--labels', 'y'], '--labels describes the synthetic city and cannot be used with --from'],
    [['extra'], "Unexpected argument 'extra'"],
    [['--port'], "'--port <value>' argument missing"],
  ])('rejects %j with one clear line', (argv, message) => {
    const error = (() => {
      try {
        parseSimulatorArgs(argv);
      } catch (thrown) {
        return thrown;
      }
    })();
    if (!(error instanceof UsageError)) throw new Error(`expected a UsageError, got ${String(error)}`);
    expect(error.message).toContain(message);
    expect(error.message).not.toMatch(/\n|positional argument starting/);
  });
});
