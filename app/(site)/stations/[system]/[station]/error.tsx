'use client';

import Link from 'next/link';

export default function StationError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <main className="mx-auto max-w-xl p-6" role="alert">
      <h1 className="text-xl font-semibold">This station could not be loaded</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">The database or the feed may be briefly unavailable. Try again in a moment.</p>
      <div className="mt-4 flex items-center gap-4">
        <button type="button" onClick={() => retry()} className="rounded bg-slate-900 px-4 py-2 text-white dark:bg-slate-100 dark:text-slate-900">
          Try again
        </button>
        <Link href="/" className="underline underline-offset-2">
          Back to the live map
        </Link>
      </div>
    </main>
  );
}
