/** How far `timeZone`'s wall clock is ahead of UTC at `date`, in ms. */
function offsetMs(date: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(date.getTime() / 1000) * 1000;
}

/** The instant the local day containing `now` began in `timeZone` (the midnight before a DST change keeps its own offset). */
export function localMidnight(now: Date, timeZone: string): Date {
  const wallNow = now.getTime() + offsetMs(now, timeZone);
  const wallMidnight = Math.floor(wallNow / 86_400_000) * 86_400_000;
  // The offset at midnight can differ from now's (a DST change that morning): correct once with it.
  const guess = wallMidnight - offsetMs(now, timeZone);
  return new Date(wallMidnight - offsetMs(new Date(guess), timeZone));
}
