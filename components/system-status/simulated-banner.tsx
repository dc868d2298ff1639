import { getI18n } from '@/components/i18n/server-i18n';

export async function SimulatedBanner() {
  const { t } = await getI18n();
  return (
    <p role="status" data-testid="simulated-banner" className="bg-amber-100 px-4 py-2 text-sm text-amber-900 dark:bg-amber-900 dark:text-amber-100">
      {t.live.simulated}
    </p>
  );
}
