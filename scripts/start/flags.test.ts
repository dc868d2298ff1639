import { describe, expect, it } from 'vitest';
import { parseStartFlags } from './flags';

const usage = 'usage: npm start [-- --simulate] [-- --stations N] [-- --replay DIR ...]';

describe('parseStartFlags', () => {
  it('reads the documented flags', () => {
    expect(parseStartFlags(['--simulate', '--stations', '40'])).toEqual({ ok: true, flags: { simulate: true, stations: 40, replay: [] } });
    expect(parseStartFlags(['--replay', 'a', '--replay', 'b'])).toEqual({ ok: true, flags: { simulate: false, stations: undefined, replay: ['a', 'b'] } });
  });

  it.each([
    [['--simlate'], `npm start: unknown flag --simlate; ${usage}`],
    [['-s'], `npm start: unknown flag -s; ${usage}`],
    [['oslo'], `npm start: unexpected argument oslo; ${usage}`],
    [['--stations'], `npm start: --stations needs a value; ${usage}`],
    [['--simulate=yes'], `npm start: --simulate takes no value; ${usage}`],
    [['--stations', 'many'], 'npm start: --stations must be a whole number from 1 to 100000, not "many"'],
    [['--stations', '0'], 'npm start: --stations must be a whole number from 1 to 100000, not "0"'],
  ])('refuses %j with one line saying what is wrong', (args, error) => {
    const result = parseStartFlags(args);
    expect(result).toEqual({ ok: false, error });
    expect(error).not.toContain('\n');
  });
});
