import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl p-6">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">There is no such system or station. It may have been removed from the feed.</p>
      <Link href="/" className="mt-4 inline-block underline">
        Back to the live map
      </Link>
    </main>
  );
}
