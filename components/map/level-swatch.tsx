import type { PathOptions } from 'leaflet';

/** A marker as the map draws it (colour, rim, dashes), for the legend and the station table. */
export function LevelSwatch({ style, size = 18 }: { style: PathOptions; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 18 18" aria-hidden="true" className="shrink-0">
      <circle
        cx="9"
        cy="9"
        r="6"
        stroke={style.color}
        strokeWidth={style.weight}
        strokeDasharray={style.dashArray?.toString()}
        fill={style.fillColor}
        fillOpacity={style.fillOpacity}
      />
    </svg>
  );
}
