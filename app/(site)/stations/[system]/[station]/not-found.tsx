'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useI18n } from '@/components/i18n/locale-provider';

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
  const { t } = useI18n();
  return (
    <main className="mx-auto max-w-xl p-6">
      <h1 className="text-xl font-semibold">{t.errors.noSuchStation(decode(params?.station ?? ''), decode(params?.system ?? ''))}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">{t.errors.noSuchStationBody}</p>
      <Link href="/stations" className="mt-4 inline-block underline underline-offset-2">
        {t.errors.allStations}
      </Link>
    </main>
  );
}
