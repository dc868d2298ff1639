import { useI18n } from '@/components/i18n/locale-provider';
import type { SystemJson } from '@/lib/api/api-types';
import { tiles } from './tile-config';

const NLOD = 'https://data.norge.no/nlod/en/2.0';

const httpUrl = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);

/** Who made the data: Oslo's open-data licence by name, otherwise the feed's own licence link. */
function DataLicence({ system }: { system: Pick<SystemJson, 'systemId' | 'name' | 'operator' | 'licenseUrl'> }) {
  const { t } = useI18n();
  if (system.systemId.toLowerCase().startsWith('oslo')) {
    return (
      <a href={httpUrl(system.licenseUrl) ?? NLOD} target="_blank" rel="noreferrer">
        {t.map.osloData}
      </a>
    );
  }
  const owner = t.map.data(system.operator ?? system.name);
  const licence = httpUrl(system.licenseUrl);
  return licence ? (
    <a href={licence} target="_blank" rel="noreferrer">
      {owner} {t.map.licence}
    </a>
  ) : (
    <span>{owner}</span>
  );
}

/** Tile and data credits in the map's corner, drawn by React so they show before Leaflet loads. */
export function MapAttribution({ system, tileUrl }: { system: Pick<SystemJson, 'systemId' | 'name' | 'operator' | 'licenseUrl'>; tileUrl: string | null }) {
  return (
    <div
      data-testid="map-attribution"
      className="absolute right-0 bottom-0 z-[1000] max-w-full rounded-tl bg-white/85 px-1.5 py-0.5 text-[11px] leading-tight text-slate-700 dark:bg-slate-900/85 dark:text-slate-300 [&_a]:underline"
    >
      <a href="https://leafletjs.com" target="_blank" rel="noreferrer">
        Leaflet
      </a>
      {tileUrl && (
        <>
          {' | '}
          {/* text-only: fixed operator text from NEXT_PUBLIC_TILE_ATTRIBUTION at build time (its links are meant as markup), never feed text */}
          <span dangerouslySetInnerHTML={{ __html: tiles.attribution }} />
        </>
      )}
      {' | '}
      <DataLicence system={system} />
    </div>
  );
}
