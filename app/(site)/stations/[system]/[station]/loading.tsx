import { getI18n } from '@/components/i18n/server-i18n';
import { Skeleton } from '@/components/ui/skeleton';

export default async function StationLoading() {
  const { t } = await getI18n();
  return (
    <main className="mx-auto max-w-6xl space-y-6 p-3 sm:p-6" aria-busy="true" aria-label={t.loading.station}>
      <div className="space-y-2">
        <Skeleton className="h-4 w-24" />
        <Skeleton className="h-8 w-72 max-w-full" />
        <Skeleton className="h-4 w-56 max-w-full" />
      </div>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {Array.from({ length: 4 }, (_, index) => (
          <Skeleton key={index} className="h-20 rounded-lg" />
        ))}
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-4 lg:col-start-3 lg:row-start-1">
          <Skeleton className="h-28 rounded-lg" />
          <Skeleton className="h-16 rounded-lg" />
        </div>
        <div className="space-y-6 lg:col-span-2 lg:col-start-1 lg:row-start-1">
          <Skeleton className="h-80 rounded-lg" />
          <Skeleton className="h-48 rounded-lg" />
        </div>
      </div>
    </main>
  );
}
