'use client';

import { useMemo } from 'react';
import { systemTotals } from '@/lib/stations/availability';
import { useStations } from '@/lib/hooks/use-stations';
import { SystemTotals } from './system-totals';

export function LiveTotals({ systemId }: { systemId: string }) {
  const stations = useStations(systemId).data?.stations;
  // A station that stopped reporting has no bikes or docks "now"; its last counts would mislead.
  const totals = useMemo(() => systemTotals((stations ?? []).filter((station) => station.reporting)), [stations]);
  return <SystemTotals totals={totals} className="grid-cols-3" />;
}
