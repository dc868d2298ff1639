'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';

const decode = (value: string | string[] | undefined) => {
  const text = Array.isArray(value) ? value.join('/') : (value ?? '');
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

export default function StationNotFound() {
  const params = useParams<{ system: string; station: string }>();
  return (
    <main className="mx-auto max-w-xl p-6">
      <h1 className="text-xl font-semibold">
        No station “{decode(params?.station ?? '')}” in system “{decode(params?.system ?? '')}”
      </h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">It may have been removed from the feed, or the address may be mistyped.</p>
      <Link href="/stations" className="mt-4 inline-block underline underline-offset-2">
        All stations
      </Link>
    </main>
  );
}
