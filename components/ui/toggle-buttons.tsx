'use client';

/** A row of buttons of which one is pressed (aria-pressed), e.g. a period. */
export function ToggleButtons<T extends string | number>({ options, value, onChange, label, name }: {
  options: readonly T[];
  value: T;
  onChange: (option: T) => void;
  label: string;
  name: (option: T) => string;
}) {
  return (
    <div role="group" aria-label={label} className="flex gap-1 text-sm">
      {options.map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={value === option}
          onClick={() => onChange(option)}
          className="rounded border border-slate-300 px-2 py-0.5 aria-pressed:bg-slate-800 aria-pressed:text-white dark:border-slate-700 dark:aria-pressed:bg-slate-200 dark:aria-pressed:text-slate-900"
        >
          {name(option)}
        </button>
      ))}
    </div>
  );
}
