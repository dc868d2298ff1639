import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StationTickLabel } from '../../lib/stations/insights/causes/labels';
import { startSimulator, type RunningSimulator } from './start';
import { osloTime, recordingLogger } from './test-support';

interface StatusBody {
  last_updated: number;
  data: { stations: { station_id: string; num_bikes_available: number }[] };
}

describe('labelled simulator', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });
  const start = async (options: Parameters<typeof startSimulator>[0]): Promise<RunningSimulator> => {
    const simulator = await startSimulator({ port: 0, log: recordingLogger(), ...options });
    cleanups.push(() => simulator.close());
    return simulator;
  };
  const statuses = async (simulator: RunningSimulator, count: number) => {
    const bodies: StatusBody[] = [];
    for (let n = 0; n < count; n++) bodies.push((await (await fetch(`${simulator.baseUrl}/station_status.json`)).json()) as StatusBody);
    return bodies;
  };
  const labelsOf = async (simulator: RunningSimulator, query = '') =>
    ((await (await fetch(`${simulator.baseUrl}/labels.json${query}`)).json()) as { labels: StationTickLabel[] }).labels;

  it('serves the truth about each tick at /labels.json, a minute of city time per fetch from a chosen start', async () => {
    const startSeconds = osloTime('2024-09-10T08:00');
    const simulator = await start({ interval: 0, stations: 100, labelled: { startSeconds } });
    expect(simulator.description).toBe('synthetic (labelled), GBFS 2.3');
    const bodies = await statuses(simulator, 31);
    expect(bodies.map((body) => body.last_updated)).toEqual(bodies.map((_, n) => startSeconds + n * 60));
    const labels = await labelsOf(simulator);
    expect(labels.length).toBeGreaterThan(100);
    expect(new Set(labels.map((label) => label.at))).toEqual(new Set(bodies.slice(1).map((body) => body.last_updated * 1000)));
    const taken = labels.reduce((sum, label) => sum + label.ridersTaken, 0);
    const brought = labels.reduce((sum, label) => sum + label.ridersBrought, 0);
    expect(taken).toBeGreaterThan(brought); // the bikes still out on 3-40 minute trips
    expect(brought).toBeGreaterThan(0);

    const since = (startSeconds + 20 * 60) * 1000;
    expect(await labelsOf(simulator, `?since=${since}`)).toEqual(labels.filter((label) => label.at > since));
    expect((await fetch(`${simulator.baseUrl}/labels.json?since=yesterday`)).status).toBe(400);
  });

  it('has no labels for the classic city', async () => {
    const simulator = await start({ interval: 0, stations: 10 });
    expect((await fetch(`${simulator.baseUrl}/labels.json`)).status).toBe(404);
  });

  it('writes the labels as JSON lines to a file, ticking on the wall clock at tickSeconds of city time each', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'bikestream-labels-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'labels.jsonl');
    let wallMs = Date.parse('2024-09-10T10:00:00Z');
    const simulator = await start({ interval: 1, stations: 50, labels: file, tickSeconds: 60, now: () => wallMs });
    const [first] = await statuses(simulator, 1);
    wallMs += 30_000;
    const [later] = await statuses(simulator, 1);
    // The city runs 60 times faster than the wall clock, from a day back, so its reports stay in the past.
    expect((later?.last_updated ?? 0) - (first?.last_updated ?? 0)).toBe(30 * 60);
    expect((later?.last_updated ?? 0) * 1000).toBeLessThan(wallMs);
    const served = await labelsOf(simulator);
    await simulator.close();
    cleanups.pop();
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    expect(lines.map((line) => JSON.parse(line) as StationTickLabel)).toEqual(served);
  });
});
