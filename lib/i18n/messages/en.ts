import type { AvailabilityLevel } from '../../stations/availability';
import type { StationEvent } from '../../stations/station-history';

const count = (n: number, one: string, other: string) => `${n} ${n === 1 ? one : other}`;
const shown = (value: string | number | null) => (value === null ? 'none' : String(value));
const pair = (yes: string, no: string): readonly [string, string] => [yes, no];
type Range = '24h' | '7d';
const RANGES: Record<Range, string> = { '24h': '24 hours', '7d': '7 days' };

/** Every word the interface shows, in English; nb.ts must have exactly these keys (the type checker says so). */
export const en = {
  site: {
    title: 'bikestream — live bike-share',
    description: 'Live bike-share availability: where the bikes and docks are now, and what just changed.',
    skipLink: 'Skip to content',
    navLabel: 'Main',
    nav: { live: 'Live map', stations: 'Stations', systems: 'Systems' },
    languageLabel: 'Language (språk)',
  },
  titles: { stations: 'Stations', systems: 'Systems', embed: 'Live map', stationNotFound: 'Station not found' },
  loading: {
    liveMap: 'Loading the live map',
    stations: 'Loading the station list',
    station: 'Loading the station',
    systems: 'Loading the systems',
    map: 'Loading map…',
  },
  errors: {
    dataTitle: 'The data could not be loaded',
    dataBody: 'The database or the feed may be briefly unavailable. The page works again once it is back.',
    stationTitle: 'This station could not be loaded',
    stationBody: 'The database or the feed may be briefly unavailable. Try again in a moment.',
    retry: 'Try again',
    backToMap: 'Back to the live map',
    reference: 'Reference:',
    notFoundTitle: 'Not found',
    notFoundBody: 'There is no such system or station. It may have been removed from the feed.',
    noSuchStation: (station: string, system: string) => `No station “${station}” in system “${system}”`,
    noSuchStationBody: 'It may have been removed from the feed, or the address may be mistyped.',
    allStations: 'All stations',
  },
  waiting: {
    title: 'Waiting for the first report',
    body: "No bike-share system has reported yet. As soon as the feed's first station statuses reach the database, the live map appears here by itself.",
    checking: 'Checking again every 10 seconds.',
  },
  levels: {
    empty: 'No bikes',
    low: 'Few bikes',
    ok: 'Bikes and docks',
    full: 'No free docks',
    closed: 'Closed',
  } satisfies Record<AvailabilityLevel, string>,
  counts: {
    bikes: (n: number) => count(n, 'bike', 'bikes'),
    docks: (n: number) => count(n, 'dock', 'docks'),
    ebikes: (n: number) => count(n, 'e-bike', 'e-bikes'),
    stations: (n: number) => count(n, 'station', 'stations'),
  },
  /** Singular and plural of what a change counts: "+1 bike", "−3 docks". */
  nouns: { bike: { one: 'bike', other: 'bikes' }, dock: { one: 'dock', other: 'docks' } },
  labels: { bikes: 'Bikes', ebikes: 'E-bikes', docks: 'Docks', freeDocks: 'Free docks', capacity: 'Capacity', station: 'Station', status: 'Status' },
  totals: { bikes: 'bikes', ebikes: 'e-bikes', docks: 'free docks', emptyStations: 'empty stations', fullStations: 'full stations', stations: 'stations' },
  live: {
    mapLabel: 'Station map',
    tableNoteBefore: 'The map is also a ',
    tableNoteLink: 'searchable station table',
    tableNoteAfter: '.',
    latestChanges: 'Latest changes',
    simulated: 'Simulated data: this dashboard is fed by the built-in GBFS simulator, not a live bike-share system.',
    systemLabel: 'System',
  },
  changes: {
    listLabel: 'Latest station changes',
    none: 'No changes yet. They appear here as stations report.',
    noneAtStation: 'No changes yet. They appear here as the station reports.',
    failed: 'Could not load the latest changes; retrying.',
    loading: 'Loading…',
    loadOlder: 'Load older',
    reported: 'reported',
    recent: 'Recent changes',
  },
  freshness: {
    noReport: 'no report yet',
    updated: (age: string) => `updated ${age} ago`,
    updatedAt: (clock: string, zone: string) => `Feed updated at ${clock} (${zone})`,
    stale: 'Feed stale:',
  },
  connection: {
    refused: (reason: string) => `The server refused the update (${reason})`,
    unreachable: "Can't reach the server",
    showing: (clock: string) => ` — showing data from ${clock}`,
    retrying: '; retrying',
  },
  map: {
    legend: 'Legend',
    ebikeDot: 'Dot: e-bikes here',
    notReporting: 'Faint grey: not reporting',
    bigger: 'Bigger circle: more bikes',
    embedLabel: (system: string) => `${system}: live station map`,
    simulated: 'Simulated data',
    osloData: 'Data: Oslo Bysykkel, NLOD 2.0',
    data: (owner: string) => `Data: ${owner}`,
    licence: '(licence)',
    tooltipSilent: (name: string, bikes: number) => `${name}: not reporting (last: ${bikes} bikes)`,
    tooltip: (name: string, bikes: number, ebikes: number | null, docks: number | null) =>
      `${name}: ${bikes} bikes${ebikes ? ` (${ebikes} e-bikes)` : ''}${docks === null ? '' : ` · ${docks} docks`}`,
    searchLabel: 'Find a station on the map',
    searchPlaceholder: 'Find a station…',
    matches: 'Matching stations',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    closePopup: 'Close popup',
  },
  popup: {
    silent: 'Not reporting: the last counts it sent',
    bikes: 'bikes',
    ebikes: 'e-bikes',
    docks: 'free docks',
    reported: 'Reported',
    details: 'Station details →',
  },
  table: {
    search: 'Search stations',
    placeholder: 'Station name',
    shown: (shown: number, total: number) => (shown === total ? `${shown} stations` : `${shown} of ${total} stations`),
    caption: 'Stations with bikes, e-bikes and free docks now. Column headers sort the table.',
    noMatch: (query: string) => `No station matches “${query}”.`,
    notReportingSince: 'Not reporting since',
  },
  nearMe: {
    heading: 'Near you',
    button: 'Stations near me',
    locating: 'Finding you…',
    blocked: 'Location is blocked for this site in your browser.',
    unknown: 'Your browser could not tell where you are.',
    unsupported: 'This browser cannot share a location.',
    found: (n: number) => `The ${n} closest, as the crow flies.`,
    privacy: 'Your location is used in this browser only.',
  },
  station: {
    id: (id: string) => `Station ${id}`,
    liveStatus: 'Live status',
    lastReport: 'Last report',
    notReportingSince: 'Not reporting since',
    feedStale: (when: string) => `The feed has not updated since ${when}: these counts may be out of date.`,
    flags: {
      installed: pair('Installed', 'Not installed'),
      renting: pair('Renting out bikes', 'Not renting out bikes'),
      returning: pair('Accepting returns', 'Not accepting returns'),
    },
    availability: 'Availability',
    rangeGroup: 'Time range',
    rangeButtons: { '24h': '24 h', '7d': '7 days' },
    historyFailed: 'The history could not be loaded. Retrying…',
    loading: 'Loading…',
    noReports: 'No reports in this range yet',
    loadingRange: (range: Range) => `Loading ${RANGES[range]}…`,
    summary: (range: Range, spans: { bikes: string; ebikes: string | null; docks: string | null }, reports: number) =>
      `Over the last ${RANGES[range]}: bikes ${spans.bikes}${spans.ebikes ? `, e-bikes ${spans.ebikes}` : ''}${spans.docks ? `, free docks ${spans.docks}` : ''} (${count(reports, 'report', 'reports')}).`,
    noSummary: (range: Range) => `No reports in the last ${RANGES[range]}.`,
    today: 'Today',
    empty: 'Empty',
    full: 'Full',
    sinceMidnight: (zone: string) => `Since midnight (${zone} time). Empty: no bikes while open; full: no free docks.`,
    sinceFirst: (time: string, zone: string) => `Since its first report at ${time} (${zone} time). Empty: no bikes while open; full: no free docks.`,
    location: 'Location',
    noLocation: 'The feed gives no location for this station.',
    onOsm: (name: string) => `${name} on OpenStreetMap`,
    openOsm: 'Open in OpenStreetMap',
    history: 'Station history',
    /** "Renamed from Old Square", "Moved 120 m", "Capacity 20 → 24": the words before the date. */
    event: (event: StationEvent) => {
      switch (event.kind) {
        case 'renamed':
          return event.from === null ? `Named ${shown(event.to)}` : `Renamed from ${event.from}`;
        case 'moved':
          return event.meters < 1 ? 'Moved less than 1 m' : `Moved ${event.meters} m`;
        case 'address':
          return `Address changed from ${shown(event.from)} to ${shown(event.to)}`;
        case 'capacity':
          return `Capacity ${shown(event.from)} → ${shown(event.to)}`;
      }
    },
    on: 'on',
    inFeedSince: 'In the feed since',
    noEvents: 'No renames, moves or capacity changes seen.',
  },
  download: {
    label: 'Download the range shown',
    formats: { csv: 'CSV', parquet: 'Parquet' },
    reportsTitle: 'Every report in this range as a file (times in UTC; the file names the time zone and the data licence)',
    changesTitle: 'Every change in this range as a file (times in UTC; the file names the time zone and the data licence)',
  },
  systems: {
    heading: 'Systems · feed health',
    intro:
      "Each feed is checked against the official GBFS JSON Schema of the version it declares (2.3 for older versions). A station is not reporting once its latest report is older than the feed's latest update by more than the heartbeat plus three ttls.",
    gbfsVersion: 'GBFS version',
    noVersion: '1.x (none declared)',
    feedAge: 'Feed age',
    noUpdate: 'no update yet',
    old: (age: string) => `${age} old`,
    stale: 'stale',
    stations: 'Stations',
    reporting: (n: number) => `${n} reporting`,
    notReporting: (n: number) => `${n} not reporting`,
    schema: 'Schema',
    conforms: (label: string) => `conforms (${label})`,
    problems: (n: number, label: string) => `${n} problems (${label})`,
    problemsCaption: 'Where the feed breaks its GBFS schema',
    columns: { file: 'File', where: 'Where', problem: 'Problem', count: 'Count', example: 'e.g. station' },
    wholeFile: '(whole file)',
  },
};

export type Messages = typeof en;
