import { describe, expect, it } from 'vitest';
import { parseCpuPressure10s } from './settle';

describe('CPU pressure', () => {
  it('reads the 10 s average of the "some" line, not the "full" one', () => {
    const pressure = 'some avg10=12.34 avg60=5.00 avg300=1.00 total=123456\nfull avg10=0.50 avg60=0.00 avg300=0.00 total=0\n';
    expect(parseCpuPressure10s(pressure)).toBe(12.34);
  });

  it('gives null where the kernel reports no pressure, so the wait is skipped rather than endless', () => {
    expect(parseCpuPressure10s('')).toBeNull();
  });
});
