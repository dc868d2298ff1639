import type { Random } from './random';
import { createNameGenerator } from './station-names';

export interface StationLayout {
  id: string;
  name: string;
  address: string;
  lat: number;
  lon: number;
  capacity: number;
  /** Broken docks: why bikes + docks can stay below capacity, as in real feeds. */
  disabledDocks: number;
  /** 1 at the city centre, 0 at the edge; commuter flows follow it. */
  centrality: number;
}

const CITY_CENTRE = { lat: 59.91, lon: 10.75 };
const CITY_RADIUS_M = 5000;
const MIN_SPACING_M = 60;
const METRES_PER_DEGREE_LAT = 111_320;
const METRES_PER_DEGREE_LON = METRES_PER_DEGREE_LAT * Math.cos((CITY_CENTRE.lat * Math.PI) / 180);

export function distanceM(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const dy = (a.lat - b.lat) * METRES_PER_DEGREE_LAT;
  const dx = (a.lon - b.lon) * METRES_PER_DEGREE_LON;
  return Math.hypot(dx, dy);
}

function randomPoint(random: Random) {
  // An exponent above 0.5 on the radius crowds stations towards the centre.
  const radius = CITY_RADIUS_M * random.next() ** 1.2;
  const angle = random.next() * 2 * Math.PI;
  const lat = CITY_CENTRE.lat + (radius * Math.cos(angle)) / METRES_PER_DEGREE_LAT;
  const lon = CITY_CENTRE.lon + (radius * Math.sin(angle)) / METRES_PER_DEGREE_LON;
  return { lat: Number(lat.toFixed(6)), lon: Number(lon.toFixed(6)), centrality: 1 - radius / CITY_RADIUS_M };
}

export function layoutStations(random: Random, count: number): StationLayout[] {
  const names = createNameGenerator(random);
  const stations: StationLayout[] = [];
  for (let index = 0; index < count; index++) {
    let point = randomPoint(random);
    for (let attempt = 0; attempt < 20 && stations.some((s) => distanceM(s, point) < MIN_SPACING_M); attempt++) {
      point = randomPoint(random);
    }
    stations.push({
      id: `sim-${String(index + 1).padStart(4, '0')}`,
      name: names.stationName(),
      address: names.address(),
      lat: point.lat,
      lon: point.lon,
      capacity: Math.min(40, 10 + random.int(0, 20) + Math.round(point.centrality * 10)),
      disabledDocks: random.chance(0.1) ? random.int(1, 2) : 0,
      centrality: point.centrality,
    });
  }
  return stations;
}
