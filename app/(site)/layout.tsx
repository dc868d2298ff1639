import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/site-header/site-header';
import { CONTENT_ID, SkipLink } from '@/components/site-header/skip-link';

export default function SiteLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SkipLink />
      <SiteHeader />
      {/* Focusable only from the skip link, so the next Tab goes on from the page's own start. */}
      <div id={CONTENT_ID} tabIndex={-1} className="outline-none">
        {children}
      </div>
    </>
  );
}
