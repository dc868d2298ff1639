import { renderAtom, type AtomFeed } from '../feeds/atom';
import { ATOM_CONTENT_TYPE } from '../feeds/availability-feed';

/** Readers poll feeds every few minutes at most; a few seconds of caching spares the database a crowd of them. */
export function atomResponse(feed: AtomFeed): Response {
  return new Response(renderAtom(feed), {
    headers: { 'Content-Type': ATOM_CONTENT_TYPE, 'Cache-Control': 'public, max-age=10', 'X-Content-Type-Options': 'nosniff' },
  });
}
