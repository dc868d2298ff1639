import { describe, expect, it } from 'vitest';
import { scoreCauses, worstHourlyError, type ChangeWithCause } from './accuracy';
import type { StationTickLabel } from './labels';
import type { ChangeCause } from './types';

const T0 = Date.parse('2024-09-10T10:00:00Z');
const MINUTE = 60_000;

const label = (stationId: string, minute: number, moves: Partial<StationTickLabel>): StationTickLabel => ({
  stationId,
  at: T0 + minute * MINUTE,
  ridersTaken: 0,
  ridersBrought: 0,
  trucksTaken: 0,
  trucksBrought: 0,
  glitch: false,
  ...moves,
});

const change = (stationId: string, minute: number, prevBikes: number, bikes: number, cause: ChangeCause, prevMinute = minute - 1): ChangeWithCause => ({
  stationId,
  reportedAt: new Date(T0 + minute * MINUTE),
  prevReportedAt: new Date(T0 + prevMinute * MINUTE),
  bikes,
  prevBikes,
  docks: 20 - bikes,
  prevDocks: 20 - prevBikes,
  cause,
});

describe('scoreCauses', () => {
  // A truck takes 8 from A and leaves them at B; a rider takes one from A; B glitches to 0 for one report and back.
  const labels = [
    label('A', 1, { trucksTaken: 8 }),
    label('A', 2, { ridersTaken: 1 }),
    label('B', 5, { trucksBrought: 8 }),
    label('B', 7, { glitch: true }),
  ];
  const changes = (causes: ChangeCause[]) =>
    [change('A', 1, 12, 4, 'riders'), change('A', 2, 4, 3, 'riders'), change('B', 5, 2, 10, 'riders'), change('B', 7, 10, 0, 'riders'), change('B', 8, 0, 10, 'riders')].map(
      (c, i) => ({ ...c, cause: causes[i] ?? 'riders' }),
    );

  it('gives full marks to the true causes, counting bikes moved', () => {
    const { causes, unexplainedBikes } = scoreCauses(labels, changes(['rebalancing', 'riders', 'rebalancing', 'glitch', 'glitch']));
    expect(causes.rebalancing).toEqual({ predictedBikes: 16, trueBikes: 16, correctBikes: 16, precision: 1, recall: 1 });
    expect(causes.glitch).toEqual({ predictedBikes: 20, trueBikes: 20, correctBikes: 20, precision: 1, recall: 1 });
    expect(causes.riders).toMatchObject({ predictedBikes: 1, trueBikes: 1, precision: 1, recall: 1 });
    expect(unexplainedBikes).toBe(0);
  });

  it('charges a truck called riders to riders precision and rebalancing recall, by its bikes', () => {
    const { causes } = scoreCauses(labels, changes(['riders', 'riders', 'rebalancing', 'glitch', 'glitch']));
    expect(causes.rebalancing).toMatchObject({ predictedBikes: 8, correctBikes: 8, precision: 1, recall: 0.5 });
    expect(causes.riders).toMatchObject({ predictedBikes: 9, correctBikes: 1, recall: 1 });
    expect(causes.riders.precision).toBeCloseTo(1 / 9);
  });

  it('splits a change where riders and a truck mixed in one interval by what each moved', () => {
    const mixed = [label('C', 3, { trucksTaken: 6, ridersBrought: 2 })];
    const { causes, hours } = scoreCauses(mixed, [change('C', 3, 10, 6, 'rebalancing', 0)]);
    expect(causes.rebalancing).toMatchObject({ predictedBikes: 4, trueBikes: 6, correctBikes: 4 });
    expect(causes.riders).toMatchObject({ trueBikes: 2, predictedBikes: 0, recall: 0 });
    expect(hours[0]?.returns).toEqual({ truth: 2, estimate: 0 });
  });

  it('counts hourly rentals and returns riders made against what the classifier called riders', () => {
    const riders = [label('A', 1, { ridersTaken: 3 }), label('A', 70, { ridersBrought: 1 }), label('A', 71, { ridersTaken: 2, ridersBrought: 2 })];
    const scored = scoreCauses(riders, [change('A', 1, 5, 2, 'riders'), change('A', 70, 2, 3, 'glitch')]);
    expect(scored.hours.map((h) => [h.start.toISOString(), h.rentals, h.returns])).toEqual([
      ['2024-09-10T10:00:00.000Z', { truth: 3, estimate: 3 }, { truth: 0, estimate: 0 }],
      ['2024-09-10T11:00:00.000Z', { truth: 0, estimate: 0 }, { truth: 1, estimate: 0 }],
    ]);
    expect(worstHourlyError(scored.hours, 1)).toBe(1);
    expect(worstHourlyError(scored.hours, 2)).toBe(0);
  });

  it('reports bikes the labels cannot explain instead of hiding them', () => {
    expect(scoreCauses([], [change('A', 1, 5, 2, 'riders')]).unexplainedBikes).toBe(3);
  });
});
