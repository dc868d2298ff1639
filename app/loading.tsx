export default function Loading() {
  return (
    <main className="mx-auto max-w-3xl animate-pulse space-y-6 p-6" aria-busy="true" aria-label="Loading">
      <div className="h-8 w-64 rounded bg-slate-200 dark:bg-slate-800" />
      <div className="grid grid-cols-3 gap-2 sm:grid-cols-6">
        {Array.from({ length: 6 }, (_, index) => (
          <div key={index} className="h-16 rounded-lg bg-slate-200 dark:bg-slate-800" />
        ))}
      </div>
      <div className="h-64 rounded bg-slate-200 dark:bg-slate-800" />
    </main>
  );
}
