import Link from 'next/link';
import { getI18n } from '@/components/i18n/server-i18n';
import { LanguageSwitch } from './language-switch';
import { NavLink } from './nav-link';

/** The thin bar above every page but the embeddable map. */
export async function SiteHeader() {
  const { t } = await getI18n();
  return (
    <header className="flex h-(--header-height) shrink-0 items-center gap-2 border-b border-slate-200 px-3 sm:gap-3 sm:px-4 dark:border-slate-800">
      <Link href="/" className="flex items-center gap-1.5 font-semibold tracking-tight">
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
          <circle cx="8" cy="8" r="6.5" fill="#009e73" stroke="#00513b" />
          <circle cx="8" cy="8" r="2" fill="#1e1b4b" stroke="#fff" />
        </svg>
        {/* On a phone the mark alone, so both languages' links and the switch fit beside it. */}
        <span className="max-sm:sr-only">bikestream</span>
      </Link>
      <nav aria-label={t.site.navLabel} className="ml-auto flex min-w-0 items-center gap-0.5 overflow-x-auto sm:gap-1">
        <NavLink href="/">{t.site.nav.live}</NavLink>
        <NavLink href="/stations">{t.site.nav.stations}</NavLink>
        <NavLink href="/systems">{t.site.nav.systems}</NavLink>
      </nav>
      <LanguageSwitch />
    </header>
  );
}
