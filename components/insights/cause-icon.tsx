import type { ChangeCause } from '@/lib/stations/insights/causes/types';

/** A shape per cause, so a cause is told by more than its colour: a rider, a truck, a zigzag. */
export function CauseIcon({ cause }: { cause: ChangeCause }) {
  const common = { width: 14, height: 14, viewBox: '0 0 14 14', 'aria-hidden': true, className: 'shrink-0' } as const;
  if (cause === 'riders') {
    return (
      <svg {...common}>
        <circle cx="7" cy="3" r="2" fill="currentColor" />
        <path d="M3.5 13 L5 7 H9 L10.5 13" fill="none" stroke="currentColor" strokeWidth="1.6" />
      </svg>
    );
  }
  if (cause === 'rebalancing') {
    return (
      <svg {...common}>
        <rect x="1" y="3.5" width="7.5" height="6" fill="currentColor" />
        <path d="M8.5 5.5 H11 L13 8 V9.5 H8.5 Z" fill="currentColor" />
        <circle cx="3.5" cy="11" r="1.5" fill="currentColor" />
        <circle cx="10.5" cy="11" r="1.5" fill="currentColor" />
      </svg>
    );
  }
  return (
    <svg {...common}>
      <path d="M1 8 L4 3 L7 11 L10 3 L13 8" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" />
    </svg>
  );
}
