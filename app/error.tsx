'use client';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-xl p-6" role="alert">
      <h1 className="text-xl font-semibold">The data could not be loaded</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">The database or the feed may be briefly unavailable. Your page will work again once it is back.</p>
      <button type="button" onClick={reset} className="mt-4 rounded bg-slate-900 px-4 py-2 text-white dark:bg-slate-100 dark:text-slate-900">
        Try again
      </button>
    </main>
  );
}
