import { useI18n } from '@/components/i18n/locale-provider';

const FLAGS = ['installed', 'renting', 'returning'] as const;

export function StationFlags(props: { isInstalled: boolean; isRenting: boolean; isReturning: boolean }) {
  const { t } = useI18n();
  const values = { installed: props.isInstalled, renting: props.isRenting, returning: props.isReturning };
  return (
    <ul data-testid="station-flags" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
      {FLAGS.map((key) => {
        const [yes, no] = t.station.flags[key];
        return (
          <li key={key} data-flag={key} data-value={values[key]} className={values[key] ? 'text-slate-700 dark:text-slate-300' : 'font-medium text-red-700 dark:text-red-300'}>
            <span aria-hidden="true">{values[key] ? '✓ ' : '✗ '}</span>
            {values[key] ? yes : no}
          </li>
        );
      })}
    </ul>
  );
}
