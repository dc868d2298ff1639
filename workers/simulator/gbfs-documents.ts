export type FeedName = 'system_information' | 'station_information' | 'station_status' | 'vehicle_types';

export interface SystemDescription {
  systemId: string;
  name: string;
  timezone: string;
  language: string;
  operator?: string;
  licenseUrl?: string;
  feedContactEmail?: string;
  /** The name in further languages, shown as extra localized entries in GBFS 3.0. */
  translatedNames?: { language: string; text: string }[];
}

/** A GBFS version as written in files; undefined is the 1.0-era shape with no version field. */
export type FileVersion = string | undefined;

export const isV3 = (version: FileVersion) => version?.startsWith('3.') ?? false;

/** The envelope every file starts with; 1.x-era files have no version field. */
export function header(version: FileVersion, lastUpdated: number | string, ttl: number) {
  return { last_updated: lastUpdated, ttl, ...(version === undefined ? {} : { version }) };
}

/** GBFS 3.0 writes times as RFC 3339; before, as unix seconds. */
export const timeIn = (version: FileVersion, seconds: number): number | string =>
  isV3(version) ? new Date(seconds * 1000).toISOString().replace('.000Z', 'Z') : seconds;

export function discoveryDocument(options: {
  version: FileVersion;
  baseUrl: string;
  feeds: readonly FeedName[];
  lastUpdated: number | string;
  ttl: number;
  language?: string;
}) {
  const feeds = options.feeds.map((name) => ({ name, url: `${options.baseUrl}/${name}.json` }));
  return {
    ...header(options.version, options.lastUpdated, options.ttl),
    data: isV3(options.version) ? { feeds } : { [options.language ?? 'en']: { feeds } },
  };
}

export function systemInformationDocument(version: FileVersion, system: SystemDescription, lastUpdated: number | string, ttl: number) {
  const licence = system.licenseUrl === undefined ? {} : { license_url: system.licenseUrl };
  const data = isV3(version)
    ? {
        system_id: system.systemId,
        languages: [system.language, ...(system.translatedNames ?? []).map((name) => name.language)],
        name: [{ text: system.name, language: system.language }, ...(system.translatedNames ?? [])],
        ...(system.operator === undefined ? {} : { operator: [{ text: system.operator, language: system.language }] }),
        ...licence,
        opening_hours: '24/7',
        feed_contact_email: system.feedContactEmail ?? 'simulator@bikestream.invalid',
        timezone: system.timezone,
      }
    : {
        system_id: system.systemId,
        language: system.language,
        name: system.name,
        ...(system.operator === undefined ? {} : { operator: system.operator }),
        ...licence,
        timezone: system.timezone,
        ...(system.feedContactEmail === undefined ? {} : { feed_contact_email: system.feedContactEmail }),
      };
  return { ...header(version, lastUpdated, ttl), data };
}
