import type { StationEvent } from '../../stations/station-history';
import type { Messages } from './en';

const count = (n: number, one: string, other: string) => `${n} ${n === 1 ? one : other}`;
const shown = (value: string | number | null) => (value === null ? 'ingen' : String(value));
const pair = (yes: string, no: string): readonly [string, string] => [yes, no];
type Range = '24h' | '7d';
/** As in "de siste 24 timene". */
const LAST: Record<Range, string> = { '24h': '24 timene', '7d': '7 dagene' };
const NOTE = 'Tom: ingen sykler mens den er åpen; full: ingen ledige låser.';

/** Norsk bokmål. Typed as Messages: a missing or extra key anywhere is a type error. */
export const nb: Messages = {
  site: {
    title: 'bikestream — bysykler i sanntid',
    description: 'Bysykler i sanntid: hvor syklene og de ledige låsene er nå, og hva som nettopp har endret seg.',
    skipLink: 'Hopp til innholdet',
    navLabel: 'Hovedmeny',
    nav: { live: 'Sanntidskart', stations: 'Stasjoner', systems: 'Systemer' },
    languageLabel: 'Språk (language)',
  },
  titles: { stations: 'Stasjoner', systems: 'Systemer', embed: 'Sanntidskart', stationNotFound: 'Fant ikke stasjonen' },
  loading: {
    liveMap: 'Laster sanntidskartet',
    stations: 'Laster stasjonslisten',
    station: 'Laster stasjonen',
    systems: 'Laster systemene',
    map: 'Laster kartet …',
  },
  errors: {
    dataTitle: 'Kunne ikke hente dataene',
    dataBody: 'Databasen eller datakilden kan være utilgjengelig en kort stund. Siden virker igjen så snart den er tilbake.',
    stationTitle: 'Kunne ikke hente stasjonen',
    stationBody: 'Databasen eller datakilden kan være utilgjengelig en kort stund. Prøv igjen om litt.',
    retry: 'Prøv igjen',
    backToMap: 'Tilbake til sanntidskartet',
    reference: 'Referanse:',
    notFoundTitle: 'Fant ikke siden',
    notFoundBody: 'Systemet eller stasjonen finnes ikke. Den kan ha blitt fjernet fra datakilden.',
    noSuchStation: (station: string, system: string) => `Ingen stasjon «${station}» i systemet «${system}»`,
    noSuchStationBody: 'Den kan ha blitt fjernet fra datakilden, eller adressen kan være skrevet feil.',
    allStations: 'Alle stasjoner',
  },
  waiting: {
    title: 'Venter på den første rapporten',
    body: 'Ingen bysykkelsystemer har rapportert ennå. Så snart de første stasjonsstatusene fra datakilden er i databasen, dukker sanntidskartet opp her av seg selv.',
    checking: 'Sjekker på nytt hvert tiende sekund.',
  },
  levels: {
    empty: 'Ingen sykler',
    low: 'Få sykler',
    ok: 'Sykler og ledige låser',
    full: 'Ingen ledige låser',
    closed: 'Stengt',
  },
  counts: {
    bikes: (n: number) => count(n, 'sykkel', 'sykler'),
    docks: (n: number) => count(n, 'lås', 'låser'),
    ebikes: (n: number) => count(n, 'elsykkel', 'elsykler'),
    stations: (n: number) => count(n, 'stasjon', 'stasjoner'),
  },
  nouns: { bike: { one: 'sykkel', other: 'sykler' }, dock: { one: 'lås', other: 'låser' } },
  labels: { bikes: 'Sykler', ebikes: 'Elsykler', docks: 'Låser', freeDocks: 'Ledige låser', capacity: 'Kapasitet', station: 'Stasjon', status: 'Status' },
  totals: { bikes: 'sykler', ebikes: 'elsykler', docks: 'ledige låser', emptyStations: 'tomme stasjoner', fullStations: 'fulle stasjoner', stations: 'stasjoner' },
  live: {
    mapLabel: 'Stasjonskart',
    tableNoteBefore: 'Kartet finnes også som en ',
    tableNoteLink: 'søkbar stasjonstabell',
    tableNoteAfter: '.',
    latestChanges: 'Siste endringer',
    simulated: 'Simulerte data: denne oversikten får data fra den innebygde GBFS-simulatoren, ikke fra et ekte bysykkelsystem.',
    systemLabel: 'System',
  },
  changes: {
    listLabel: 'Siste endringer på stasjonene',
    none: 'Ingen endringer ennå. De dukker opp her når stasjonene rapporterer.',
    noneAtStation: 'Ingen endringer ennå. De dukker opp her når stasjonen rapporterer.',
    failed: 'Kunne ikke hente de siste endringene; prøver igjen.',
    loading: 'Laster …',
    loadOlder: 'Vis eldre',
    reported: 'rapporterte',
    recent: 'Siste endringer',
  },
  freshness: {
    noReport: 'ingen rapport ennå',
    updated: (age: string) => `oppdatert for ${age} siden`,
    updatedAt: (clock: string, zone: string) => `Sist oppdatert ${clock} (${zone})`,
    stale: 'Utdatert:',
  },
  connection: {
    refused: (reason: string) => `Serveren avviste oppdateringen (${reason})`,
    unreachable: 'Får ikke kontakt med serveren',
    showing: (clock: string) => ` – viser data fra ${clock}`,
    retrying: '; prøver igjen',
  },
  map: {
    legend: 'Tegnforklaring',
    ebikeDot: 'Prikk: elsykler her',
    notReporting: 'Blek grå: rapporterer ikke',
    bigger: 'Større sirkel: flere sykler',
    embedLabel: (system: string) => `${system}: stasjonskart i sanntid`,
    simulated: 'Simulerte data',
    osloData: 'Data: Oslo Bysykkel, NLOD 2.0',
    data: (owner: string) => `Data: ${owner}`,
    licence: '(lisens)',
    tooltipSilent: (name: string, bikes: number) => `${name}: rapporterer ikke (sist: ${count(bikes, 'sykkel', 'sykler')})`,
    tooltip: (name: string, bikes: number, ebikes: number | null, docks: number | null) =>
      `${name}: ${count(bikes, 'sykkel', 'sykler')}${ebikes ? ` (${count(ebikes, 'elsykkel', 'elsykler')})` : ''}${docks === null ? '' : ` · ${docks} ledige låser`}`,
    searchLabel: 'Finn en stasjon på kartet',
    searchPlaceholder: 'Finn en stasjon …',
    matches: 'Stasjoner som passer',
    zoomIn: 'Zoom inn',
    zoomOut: 'Zoom ut',
    closePopup: 'Lukk',
  },
  popup: {
    silent: 'Rapporterer ikke: de siste tallene den sendte',
    bikes: 'sykler',
    ebikes: 'elsykler',
    docks: 'ledige låser',
    reported: 'Rapportert',
    details: 'Mer om stasjonen →',
  },
  table: {
    search: 'Søk etter stasjon',
    placeholder: 'Stasjonsnavn',
    shown: (shown: number, total: number) => (shown === total ? count(total, 'stasjon', 'stasjoner') : `${shown} av ${count(total, 'stasjon', 'stasjoner')}`),
    caption: 'Stasjoner med sykler, elsykler og ledige låser nå. Kolonneoverskriftene sorterer tabellen.',
    noMatch: (query: string) => `Ingen stasjon passer til «${query}».`,
    notReportingSince: 'Har ikke rapportert siden',
  },
  nearMe: {
    heading: 'Nær deg',
    button: 'Stasjoner nær meg',
    locating: 'Finner deg …',
    blocked: 'Nettleseren din blokkerer posisjon for dette nettstedet.',
    unknown: 'Nettleseren din fant ikke ut hvor du er.',
    unsupported: 'Denne nettleseren kan ikke dele posisjonen din.',
    found: (n: number) => `De ${n} nærmeste, i luftlinje.`,
    privacy: 'Posisjonen din brukes bare i denne nettleseren.',
  },
  station: {
    id: (id: string) => `Stasjon ${id}`,
    liveStatus: 'Status nå',
    lastReport: 'Siste rapport',
    notReportingSince: 'Har ikke rapportert siden',
    feedStale: (when: string) => `Datakilden er ikke oppdatert siden ${when}: tallene kan være utdaterte.`,
    flags: {
      installed: pair('Installert', 'Ikke installert'),
      renting: pair('Låner ut sykler', 'Låner ikke ut sykler'),
      returning: pair('Tar imot sykler', 'Tar ikke imot sykler'),
    },
    availability: 'Tilgjengelighet',
    rangeGroup: 'Tidsrom',
    rangeButtons: { '24h': '24 t', '7d': '7 dager' },
    historyFailed: 'Kunne ikke hente historikken. Prøver igjen …',
    loading: 'Laster …',
    noReports: 'Ingen rapporter i dette tidsrommet ennå',
    loadingRange: (range: Range) => `Laster de siste ${LAST[range]} …`,
    summary: (range: Range, spans: { bikes: string; ebikes: string | null; docks: string | null }, reports: number) =>
      `De siste ${LAST[range]}: sykler ${spans.bikes}${spans.ebikes ? `, elsykler ${spans.ebikes}` : ''}${spans.docks ? `, ledige låser ${spans.docks}` : ''} (${count(reports, 'rapport', 'rapporter')}).`,
    noSummary: (range: Range) => `Ingen rapporter de siste ${LAST[range]}.`,
    today: 'I dag',
    empty: 'Tom',
    full: 'Full',
    sinceMidnight: (zone: string) => `Siden midnatt (${zone}-tid). ${NOTE}`,
    sinceFirst: (time: string, zone: string) => `Siden første rapport kl. ${time} (${zone}-tid). ${NOTE}`,
    location: 'Plassering',
    noLocation: 'Datakilden oppgir ingen plassering for denne stasjonen.',
    onOsm: (name: string) => `${name} på OpenStreetMap`,
    openOsm: 'Åpne i OpenStreetMap',
    history: 'Stasjonens historikk',
    event: (event: StationEvent) => {
      switch (event.kind) {
        case 'renamed':
          return event.from === null ? `Fikk navnet ${shown(event.to)}` : `Omdøpt fra ${event.from}`;
        case 'moved':
          return event.meters < 1 ? 'Flyttet mindre enn 1 m' : `Flyttet ${event.meters} m`;
        case 'address':
          return `Adressen endret fra ${shown(event.from)} til ${shown(event.to)}`;
        case 'capacity':
          return `Kapasitet ${shown(event.from)} → ${shown(event.to)}`;
      }
    },
    on: 'den',
    inFeedSince: 'I datakilden siden',
    noEvents: 'Ingen navneendringer, flyttinger eller kapasitetsendringer registrert.',
  },
  download: {
    label: 'Last ned tidsrommet som vises',
    formats: { csv: 'CSV', parquet: 'Parquet' },
    reportsTitle: 'Alle rapportene i tidsrommet som fil (tider i UTC; filen oppgir tidssonen og datalisensen)',
    changesTitle: 'Alle endringene i tidsrommet som fil (tider i UTC; filen oppgir tidssonen og datalisensen)',
  },
  systems: {
    heading: 'Systemer · status for datakildene',
    intro:
      'Hver datakilde kontrolleres mot det offisielle GBFS JSON-skjemaet for versjonen den oppgir (2.3 for eldre versjoner). En stasjon regnes som stille når den siste rapporten er eldre enn datakildens siste oppdatering med mer enn heartbeat-intervallet pluss tre ttl-er.',
    gbfsVersion: 'GBFS-versjon',
    noVersion: '1.x (ikke oppgitt)',
    feedAge: 'Sist oppdatert',
    noUpdate: 'ingen oppdatering ennå',
    old: (age: string) => `for ${age} siden`,
    stale: 'utdatert',
    stations: 'Stasjoner',
    reporting: (n: number) => `${n} rapporterer`,
    notReporting: (n: number) => `${n} rapporterer ikke`,
    schema: 'Skjema',
    conforms: (label: string) => `i samsvar (${label})`,
    problems: (n: number, label: string) => `${n} feil (${label})`,
    problemsCaption: 'Hvor datakilden bryter GBFS-skjemaet',
    columns: { file: 'Fil', where: 'Hvor', problem: 'Problem', count: 'Antall', example: 'f.eks. stasjon' },
    wholeFile: '(hele filen)',
  },
};
