import { FEEDS_WITHOUT_VEHICLE_TYPES, plainStationInformation, type CityFeedFormat } from './city-feed-format';
import { at, freeDocks } from './city-moves';
import { header, systemInformationDocument } from './gbfs-documents';

const asInteger = (flag: boolean) => (flag ? 1 : 0);

/**
 * The GBFS 1.x shape Bergen and Trondheim published: no version field, 1/0 for booleans, no
 * vehicle types. E-bikes go in num_ebikes_available, the extension many 1.x feeds (Divvy, Citi Bike) use.
 */
export const gbfsV1Format: CityFeedFormat = {
  fileVersion: undefined,
  feeds: FEEDS_WITHOUT_VEHICLE_TYPES,
  systemInformation: (city, system, ttl) => systemInformationDocument(undefined, system, city.createdSeconds, ttl),
  stationInformation: plainStationInformation(undefined),
  stationStatus: (city, ttl) => ({
    ...header(undefined, city.nowSeconds, ttl),
    data: {
      stations: city.layout.map((station, i) => {
        const state = at(city.states, i);
        const working = asInteger(state.outOfServiceUntil === null);
        return {
          station_id: station.id,
          num_bikes_available: state.bikes,
          num_ebikes_available: state.ebikes,
          num_docks_available: freeDocks(station, state),
          is_installed: working,
          is_renting: working,
          is_returning: working,
          last_reported: city.nowSeconds,
        };
      }),
    },
  }),
};
