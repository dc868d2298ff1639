'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import type { ReactNode } from 'react';

/** A header link that knows when it is the current page and keeps the chosen `?system=`. */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const current = usePathname() === href;
  // Nullable since pages/ exists (pages/api/stations.ts): Next types these hooks for both routers.
  const system = useSearchParams()?.get('system');
  return (
    <Link
      href={system ? `${href}?system=${encodeURIComponent(system)}` : href}
      aria-current={current ? 'page' : undefined}
      className="shrink-0 rounded px-1.5 py-1 text-sm sm:px-2 text-slate-600 hover:bg-slate-100 hover:text-slate-900 aria-[current=page]:font-semibold aria-[current=page]:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white dark:aria-[current=page]:text-white"
    >
      {children}
    </Link>
  );
}
