import { Skeleton } from '@/components/ui/skeleton';

export default function StationsLoading() {
  return (
    <main className="mx-auto max-w-4xl space-y-4 p-3 sm:p-6" aria-busy="true" aria-label="Loading the station list">
      <Skeleton className="h-8 w-72" />
      <Skeleton className="h-9 w-80" />
      {Array.from({ length: 12 }, (_, index) => (
        <Skeleton key={index} className="h-7" />
      ))}
    </main>
  );
}
