import { describe, expect, it } from 'vitest';
import { parseCpuPressure, parseMachineCpu, stolenPercent } from './rss';

const procStat = (steal: number, idle: number) =>
  [`cpu  1000 0 200 ${idle} 50 0 10 ${steal} 300 0`, `cpu0 500 0 100 ${idle / 2} 25 0 5 ${steal / 2} 150 0`, 'intr 12345'].join('\n');

describe('machine CPU steal', () => {
  it('reads the aggregate line: eight kinds of ticks, guest time left out as it is inside user time', () => {
    expect(parseMachineCpu(procStat(40, 740))).toEqual({ total: 1000 + 200 + 740 + 50 + 10 + 40, stolen: 40 });
  });

  it('gives the stolen share of the ticks between two readings', () => {
    const before = parseMachineCpu(procStat(40, 740));
    const after = parseMachineCpu(procStat(40 + 25, 740 + 75));
    expect(stolenPercent(before, after)).toBe(25);
  });

  it('says 0 when no time passed or the file could not be read', () => {
    const reading = parseMachineCpu(procStat(40, 740));
    expect(stolenPercent(reading, reading)).toBe(0);
    expect(parseMachineCpu('')).toEqual({ total: 0, stolen: 0 });
  });
});

describe('CPU pressure', () => {
  it('reads the 10 s average of the "some" line, not the "full" one', () => {
    const pressure = 'some avg10=12.34 avg60=5.00 avg300=1.00 total=123456\nfull avg10=0.50 avg60=0.00 avg300=0.00 total=0\n';
    expect(parseCpuPressure(pressure, 10)).toBe(12.34);
  });

  it('gives null where the kernel reports no pressure, so the wait is skipped rather than endless', () => {
    expect(parseCpuPressure('', 10)).toBeNull();
  });
});
