/** How a counted thing is written when there is one and when there are more: { one: 'bike', other: 'bikes' }. */
export interface Noun {
  one: string;
  other: string;
}

/** "+2 bikes", "−1 bike", "+3 docks": what changed at a station, in words a rider reads at a glance. */
export function describeDelta(now: number | null, before: number | null, noun: Noun): string | null {
  if (now === null || before === null || now === before) return null;
  const delta = now - before;
  const sign = delta > 0 ? '+' : '−';
  return `${sign}${Math.abs(delta)} ${Math.abs(delta) === 1 ? noun.one : noun.other}`;
}
