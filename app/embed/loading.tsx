import { getI18n } from '@/components/i18n/server-i18n';

export default async function EmbedLoading() {
  const { t } = await getI18n();
  return (
    <div className="fixed inset-0 grid animate-pulse place-items-center bg-slate-200 text-sm text-slate-500 dark:bg-slate-800 dark:text-slate-400" aria-busy="true">
      {t.loading.map}
    </div>
  );
}
