import Link from 'next/link';
import { getI18n } from '@/components/i18n/server-i18n';

export default async function NotFound() {
  const { t } = await getI18n();
  return (
    <main className="mx-auto max-w-xl p-6">
      <h1 className="text-xl font-semibold">{t.errors.notFoundTitle}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">{t.errors.notFoundBody}</p>
      <Link href="/" className="mt-4 inline-block underline">
        {t.errors.backToMap}
      </Link>
    </main>
  );
}
