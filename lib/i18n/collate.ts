/**
 * Station names sort in Norwegian order (… X, Y, Z, Æ, Ø, Å) in both languages. The names are
 * Norwegian place names whatever language the page is in, and Å is a letter of its own in them, not
 * an A with a ring: an English collator would put "Åsengata" among the A's, where no map, sign or
 * Oslo list puts it. One order for both languages also means switching language never reshuffles a
 * list someone is reading. Search still ignores the ring ("asen" finds "Åsengata"), so nobody needs
 * a Norwegian keyboard to find a station.
 */
const stationNames = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });

export const compareStationNames = (a: string, b: string): number => stationNames.compare(a, b);
