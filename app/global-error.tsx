'use client';

import Link from 'next/link';
import { messagesFor } from '@/lib/i18n/messages';

const digestOf = (error: unknown) =>
  error && typeof error === 'object' && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;

const nb = messagesFor('nb');
const en = messagesFor('en');

/**
 * The last resort, when the root layout itself fails: it replaces the whole document, so it brings
 * its own <html> and plain inline styles (the global stylesheet is not loaded here). With the
 * layout gone there is no chosen language either, so it says everything in both.
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = digestOf(error);
  return (
    <html lang="nb" style={{ colorScheme: 'light dark' }}>
      <body style={{ fontFamily: 'system-ui, sans-serif', margin: 0, padding: '1.5rem', maxWidth: '36rem' }}>
        <title>bikestream er utilgjengelig · bikestream is unavailable</title>
        <main role="alert">
          <h1 style={{ fontSize: '1.25rem' }}>bikestream kunne ikke vises</h1>
          <p>Noe feilet før siden kunne tegnes. Det går som regel over i løpet av et minutt.</p>
          <div lang="en">
            <h2 style={{ fontSize: '1.25rem' }}>bikestream could not be shown</h2>
            <p>Something failed before the page could be drawn. It usually passes within a minute.</p>
          </div>
          <p style={{ display: 'flex', gap: '1rem', alignItems: 'center' }}>
            <button type="button" onClick={() => retry()} style={{ padding: '0.5rem 1rem' }}>
              {nb.errors.retry} · <span lang="en">{en.errors.retry}</span>
            </button>
            <Link href="/">
              {nb.errors.backToMap} · <span lang="en">{en.errors.backToMap}</span>
            </Link>
          </p>
          {digest && (
            <p style={{ fontSize: '0.75rem', opacity: 0.7 }}>
              {nb.errors.reference} {digest}
            </p>
          )}
        </main>
      </body>
    </html>
  );
}
