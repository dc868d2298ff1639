import { getLocale } from '@/components/i18n/server-i18n';
import { feedMessagesFor } from '@/lib/i18n/messages/feeds';

/** A visible link to an Atom feed; feedAlternates() gives the page's <link rel="alternate"> for feed readers. */
export async function AtomFeedLink({ href, label }: { href: string; label: 'stationLink' | 'systemLink' }) {
  const locale = await getLocale();
  const words = feedMessagesFor(locale);
  return (
    <a href={href} type="application/atom+xml" data-testid="atom-feed-link" className="inline-flex items-center gap-1 text-sm underline underline-offset-2 hover:text-blue-700 dark:hover:text-blue-300">
      <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14" className="fill-current text-orange-600">
        <circle cx="3" cy="13" r="2" />
        <path d="M1 7a8 8 0 0 1 8 8h-2a6 6 0 0 0-6-6zM1 2a13 13 0 0 1 13 13h-2A11 11 0 0 0 1 4z" />
      </svg>
      {words[label]}
    </a>
  );
}
