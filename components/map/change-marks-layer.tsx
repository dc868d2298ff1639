import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useMap } from 'react-leaflet';
import { useI18n } from '@/components/i18n/locale-provider';
import type { ChangeJson } from '@/lib/api/api-types';
import { useChanges } from '@/lib/hooks/use-changes';
import { useRecentChanges } from '@/lib/hooks/use-recent-changes';
import { insightMessagesFor } from '@/lib/i18n/messages/insights';
import { mapChangeMessagesFor } from '@/lib/i18n/messages/map-changes';
import { arrivedAfter, changeDelta, recentChanges } from '@/lib/stations/change-marks';
import { stationLabel } from '@/lib/stations/station-table';
import { createChangeMarksLayer, type ChangeMark, type ChangeMarksLayer } from './change-marks';
import type { PlacedStation } from './placed-station';

interface Props {
  systemId: string;
  ttlSeconds: number;
  stations: PlacedStation[];
  /** The station a feed item points at, ringed. */
  highlightedId: string | null;
  /** Show the changes of the last this many minutes as a layer; null: only new changes flash. */
  recentMinutes: number | null;
}

const newestOf = (changes: readonly ChangeJson[]) => changes.reduce((newest, change) => (change.reportedAt > newest ? change.reportedAt : newest), '');

/** Changes where they happened: each new one flashes at its station, and optionally the last minutes' stay. */
export function ChangeMarksLayerView({ systemId, ttlSeconds, stations, highlightedId, recentMinutes }: Props) {
  const map = useMap();
  const layer = useRef<ChangeMarksLayer | null>(null);
  const { locale } = useI18n();
  const byId = useMemo(() => new Map(stations.map((station) => [station.stationId, station])), [stations]);
  // The feed's own first page (the same SWR key): no second request for what the feed already polls.
  const { changes } = useChanges(systemId, ttlSeconds);
  const recent = useRecentChanges(systemId, ttlSeconds, recentMinutes !== null);
  const seen = useRef<string | null>(null);

  const toMark = useCallback(
    (change: ChangeJson): ChangeMark | null => {
      const station = byId.get(change.stationId);
      const delta = changeDelta(change);
      if (!station || !delta) return null;
      const words = mapChangeMessagesFor(locale);
      const cause = change.cause ? insightMessagesFor(locale).causes.names[change.cause] : null;
      const label = delta.what === 'bikes' ? words.mark(stationLabel(change), delta.delta, cause) : words.docksMark(stationLabel(change), delta.delta);
      return { station, delta, label };
    },
    [byId, locale],
  );

  useEffect(() => {
    const created = createChangeMarksLayer(map);
    layer.current = created;
    return () => {
      created.remove();
      layer.current = null;
    };
  }, [map]);

  useEffect(() => {
    if (changes.length === 0) return;
    const newest = newestOf(changes);
    // What was there when the map opened is not news: only later arrivals flash.
    if (seen.current === null) {
      seen.current = newest;
      return;
    }
    const fresh = arrivedAfter(changes, seen.current);
    if (newest > seen.current) seen.current = newest;
    layer.current?.flash(fresh.flatMap((change) => toMark(change) ?? []));
  }, [changes, toMark]);

  useEffect(() => {
    layer.current?.highlight(highlightedId === null ? null : (byId.get(highlightedId) ?? null));
  }, [highlightedId, byId]);

  useEffect(() => {
    if (recentMinutes === null) {
      layer.current?.showRecent([]);
      return;
    }
    const marks = recentChanges(recent, recentMinutes).flatMap(({ change, ageMs }) => {
      const mark = toMark(change);
      return mark ? [{ ...mark, ageShare: ageMs / (recentMinutes * 60_000) }] : [];
    });
    layer.current?.showRecent(marks);
  }, [recent, recentMinutes, toMark]);

  return null;
}
