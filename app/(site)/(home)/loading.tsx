import { getI18n } from '@/components/i18n/server-i18n';
import { Skeleton } from '@/components/ui/skeleton';

export default async function LiveViewLoading() {
  const { t } = await getI18n();
  return (
    <div className="flex flex-col lg:h-[calc(100dvh-var(--header-height))] lg:flex-row" aria-busy="true" aria-label={t.loading.liveMap}>
      <div className="h-[62dvh] min-h-72 animate-pulse bg-slate-200 lg:h-auto lg:flex-1 dark:bg-slate-800" />
      <div className="space-y-4 p-3 sm:p-4 lg:w-96">
        <Skeleton className="h-7 w-48" />
        <div className="grid grid-cols-3 gap-2">
          {Array.from({ length: 6 }, (_, index) => (
            <Skeleton key={index} className="h-14" />
          ))}
        </div>
        {Array.from({ length: 8 }, (_, index) => (
          <Skeleton key={index} className="h-5" />
        ))}
      </div>
    </div>
  );
}
