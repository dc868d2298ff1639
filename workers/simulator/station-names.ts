import type { Random } from './random';

const roots = [
  'Linde', 'Birke', 'Elve', 'Sjø', 'Fjell', 'Berg', 'Eike', 'Furu', 'Rose', 'Sol',
  'Kirke', 'Mølle', 'Skole', 'Torv', 'Havne', 'Hav', 'Skog', 'Stein', 'Vinter', 'Sommer',
  'Kongs', 'Dronning', 'Prinse', 'Smie', 'Hage',
];
const placeSuffixes = [
  'torget', 'parken', 'plassen', 'bakken', 'kaia', 'løkka', 'haugen', 'lia', 'stasjon', 'brygga', 'hagen', 'enga',
];
const streetSuffixes = ['gata', 'veien', 'gate', 'vei', 'allé', 'stien'];

/** Norwegian-sounding, unique names: "Lindetorget", then "Lindetorget 2" when taken. */
export function createNameGenerator(random: Random) {
  const taken = new Map<string, number>();
  return {
    stationName(): string {
      const base = random.pick(roots) + random.pick(placeSuffixes);
      const seen = (taken.get(base) ?? 0) + 1;
      taken.set(base, seen);
      return seen === 1 ? base : `${base} ${seen}`;
    },
    address(): string {
      return `${random.pick(roots)}${random.pick(streetSuffixes)} ${random.int(1, 120)}`;
    },
  };
}
