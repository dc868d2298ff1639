import { getI18n } from '@/components/i18n/server-i18n';
import { Skeleton } from '@/components/ui/skeleton';

export default async function SystemLoading() {
  const { t } = await getI18n();
  return (
    <main className="mx-auto max-w-5xl space-y-4 p-3 sm:p-6" aria-busy="true" aria-label={t.loading.systems}>
      <Skeleton className="h-8 w-72" />
      <Skeleton className="h-6" />
      <Skeleton className="h-64 rounded-xl" />
    </main>
  );
}
