export function stationHref(systemId: string, stationId: string): string {
  return `/stations/${encodeURIComponent(systemId)}/${encodeURIComponent(stationId)}`;
}

export function homeHref(systemId: string | null): string {
  return systemId ? `/?system=${encodeURIComponent(systemId)}` : '/';
}

export function systemHref(systemId: string): string {
  return `/systems/${encodeURIComponent(systemId)}`;
}

const langQuery = (locale: 'en' | 'nb') => (locale === 'en' ? '' : `?lang=${locale}`);

/** The station's Atom feed of empty and full spells; English unless a language is asked for. */
export function stationFeedHref(systemId: string, stationId: string, locale: 'en' | 'nb' = 'en'): string {
  return `${stationHref(systemId, stationId)}/feed.xml${langQuery(locale)}`;
}

export function systemFeedHref(systemId: string, locale: 'en' | 'nb' = 'en'): string {
  return `${systemHref(systemId)}/feed.xml${langQuery(locale)}`;
}
