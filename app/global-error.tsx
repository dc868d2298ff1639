'use client';

import Link from 'next/link';

const digestOf = (error: unknown) =>
  error && typeof error === 'object' && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;

/**
 * The last resort, when the root layout itself fails: it replaces the whole document, so it brings
 * its own <html> and plain inline styles (the global stylesheet is not loaded here).
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = digestOf(error);
  return (
    <html lang="en" style={{ colorScheme: 'light dark' }}>
      <body style={{ fontFamily: 'system-ui, sans-serif', margin: 0, padding: '1.5rem', maxWidth: '36rem' }}>
        <title>bikestream is unavailable</title>
        <main role="alert">
          <h1 style={{ fontSize: '1.25rem' }}>bikestream could not be shown</h1>
          <p>Something failed before the page could be drawn. It usually passes within a minute.</p>
          <p style={{ display: 'flex', gap: '1rem', alignItems: 'center' }}>
            <button type="button" onClick={() => retry()} style={{ padding: '0.5rem 1rem' }}>
              Try again
            </button>
            <Link href="/">Back to the live map</Link>
          </p>
          {digest && <p style={{ fontSize: '0.75rem', opacity: 0.7 }}>Reference: {digest}</p>}
        </main>
      </body>
    </html>
  );
}
