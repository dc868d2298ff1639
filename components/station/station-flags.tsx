const FLAGS = [
  ['installed', 'Installed', 'Not installed'],
  ['renting', 'Renting out bikes', 'Not renting out bikes'],
  ['returning', 'Accepting returns', 'Not accepting returns'],
] as const;

export function StationFlags(props: { isInstalled: boolean; isRenting: boolean; isReturning: boolean }) {
  const values = { installed: props.isInstalled, renting: props.isRenting, returning: props.isReturning };
  return (
    <ul data-testid="station-flags" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
      {FLAGS.map(([key, yes, no]) => (
        <li key={key} data-flag={key} data-value={values[key]} className={values[key] ? 'text-slate-700 dark:text-slate-300' : 'font-medium text-red-700 dark:text-red-300'}>
          <span aria-hidden="true">{values[key] ? '✓ ' : '✗ '}</span>
          {values[key] ? yes : no}
        </li>
      ))}
    </ul>
  );
}
