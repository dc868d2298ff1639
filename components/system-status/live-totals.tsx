'use client';

import { useMemo } from 'react';
import { systemTotals } from '@/lib/availability';
import { useStations } from '@/lib/hooks/use-stations';
import { SystemTotals } from './system-totals';

export function LiveTotals({ systemId }: { systemId: string }) {
  const stations = useStations(systemId).data?.stations;
  const totals = useMemo(() => systemTotals(stations ?? []), [stations]);
  return <SystemTotals totals={totals} className="grid-cols-3" />;
}
