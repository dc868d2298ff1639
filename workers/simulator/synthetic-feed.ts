import { CITY_TIMEZONE } from './city-clock';
import type { CityFeedFormat } from './city-feed-format';
import { gbfsV1Format } from './city-format-v1';
import { gbfsV2Format } from './city-format-v2';
import { gbfsV3Format } from './city-format-v3';
import type { SystemDescription } from './gbfs-documents';

export const DEFAULT_SYSTEM_ID = 'bikestream-sim';

/** The simulated system; a chosen id also goes into its name, so two simulators can be told apart. */
export function syntheticSystem(systemId = DEFAULT_SYSTEM_ID): SystemDescription {
  const label = systemId === DEFAULT_SYSTEM_ID ? 'bikestream' : systemId;
  return {
    systemId,
    name: `Simulated City (${label})`,
    timezone: CITY_TIMEZONE,
    language: 'en',
    operator: 'bikestream simulator',
    licenseUrl: 'https://creativecommons.org/publicdomain/zero/1.0/',
    feedContactEmail: 'simulator@bikestream.invalid',
    translatedNames: [{ language: 'nb', text: `Simulert by (${label})` }],
  };
}

export const SIMULATED_VERSIONS = ['1.1', '2.3', '3.0'] as const;
export type SimulatedVersion = (typeof SIMULATED_VERSIONS)[number];

export const CITY_FEED_FORMATS: Record<SimulatedVersion, CityFeedFormat> = {
  '1.1': gbfsV1Format,
  '2.3': gbfsV2Format,
  '3.0': gbfsV3Format,
};
