'use client';

import Link from 'next/link';

const digestOf = (error: unknown) =>
  error && typeof error === 'object' && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;

/** Server errors (the database down, say) land here; `retry` fetches the page again. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = digestOf(error);
  return (
    <main className="mx-auto max-w-xl p-6" role="alert">
      <h1 className="text-xl font-semibold">The data could not be loaded</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        The database or the feed may be briefly unavailable. The page works again once it is back.
      </p>
      <div className="mt-4 flex items-center gap-4">
        <button type="button" onClick={() => retry()} className="rounded bg-slate-900 px-4 py-2 text-white dark:bg-slate-100 dark:text-slate-900">
          Try again
        </button>
        <Link href="/" className="underline">
          Back to the live map
        </Link>
      </div>
      {digest && <p className="mt-6 text-xs text-slate-500">Reference: {digest}</p>}
    </main>
  );
}
