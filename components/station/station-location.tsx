import { getI18n } from '@/components/i18n/server-i18n';

/**
 * Where the station is. A slot for the shared map: for now coordinates and a link to
 * OpenStreetMap, which needs no Leaflet and no tiles.
 */
export async function StationLocation({ lat, lon, name }: { lat: number | null; lon: number | null; name: string }) {
  const { t } = await getI18n();
  return (
    <section data-testid="station-location" aria-labelledby="station-location-heading" className="space-y-2">
      <h2 id="station-location-heading" className="text-lg font-semibold">
        {t.station.location}
      </h2>
      {lat === null || lon === null ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">{t.station.noLocation}</p>
      ) : (
        <p className="text-sm">
          <span className="tabular-nums" data-lat={lat} data-lon={lon}>
            {lat.toFixed(5)}, {lon.toFixed(5)}
          </span>
          {' · '}
          <a
            href={`https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`}
            className="underline underline-offset-2 hover:text-blue-700 dark:hover:text-blue-300"
            aria-label={t.station.onOsm(name)}
          >
            {t.station.openOsm}
          </a>
        </p>
      )}
    </section>
  );
}
