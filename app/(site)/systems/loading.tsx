import { Skeleton } from '@/components/ui/skeleton';

export default function SystemsLoading() {
  return (
    <main className="mx-auto max-w-5xl space-y-4 p-3 sm:p-6" aria-busy="true" aria-label="Loading the systems">
      <Skeleton className="h-8 w-72" />
      <Skeleton className="h-10" />
      {Array.from({ length: 2 }, (_, index) => (
        <Skeleton key={index} className="h-48 rounded-xl" />
      ))}
    </main>
  );
}
