export type FeedName = 'system_information' | 'station_information' | 'station_status' | 'vehicle_types';

export interface SystemDescription {
  systemId: string;
  name: string;
  timezone: string;
  language: string;
  operator?: string;
  licenseUrl?: string;
  feedContactEmail?: string;
}

const isV3 = (version: string) => version.startsWith('3.');

export function discoveryDocument(options: {
  version: string;
  baseUrl: string;
  feeds: readonly FeedName[];
  lastUpdated: number | string;
  ttl: number;
}) {
  const feeds = options.feeds.map((name) => ({ name, url: `${options.baseUrl}/${name}.json` }));
  return {
    last_updated: options.lastUpdated,
    ttl: options.ttl,
    version: options.version,
    data: isV3(options.version) ? { feeds } : { en: { feeds } },
  };
}

export function systemInformationDocument(
  version: string,
  system: SystemDescription,
  lastUpdated: number | string,
  ttl: number,
) {
  const optional = {
    ...(system.operator === undefined ? {} : { operator: system.operator }),
    ...(system.licenseUrl === undefined ? {} : { license_url: system.licenseUrl }),
  };
  const data = isV3(version)
    ? {
        system_id: system.systemId,
        languages: [system.language],
        name: [{ text: system.name, language: system.language }],
        ...optional,
        opening_hours: '24/7',
        feed_contact_email: system.feedContactEmail ?? 'simulator@bikestream.invalid',
        timezone: system.timezone,
      }
    : {
        system_id: system.systemId,
        language: system.language,
        name: system.name,
        ...optional,
        timezone: system.timezone,
        ...(system.feedContactEmail === undefined ? {} : { feed_contact_email: system.feedContactEmail }),
      };
  return { last_updated: lastUpdated, ttl, version, data };
}
