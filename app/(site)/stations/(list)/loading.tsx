import { getI18n } from '@/components/i18n/server-i18n';
import { Skeleton } from '@/components/ui/skeleton';

export default async function StationsLoading() {
  const { t } = await getI18n();
  return (
    <main className="mx-auto max-w-4xl space-y-4 p-3 sm:p-6" aria-busy="true" aria-label={t.loading.stations}>
      <Skeleton className="h-8 w-72" />
      <Skeleton className="h-9 w-80" />
      {Array.from({ length: 12 }, (_, index) => (
        <Skeleton key={index} className="h-7" />
      ))}
    </main>
  );
}
