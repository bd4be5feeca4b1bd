// Views live in the address's fragment (`#/explore?id=…`, `#/compare?codes=…`, `#/path?…`), so every
// view can be bookmarked, shared and reached with the browser's back button.

export type ViewName = 'explore' | 'compare' | 'path';

export interface Route {
  view: ViewName;
  params: URLSearchParams;
}

const VIEWS: readonly ViewName[] = ['explore', 'compare', 'path'];

export function parseRoute(hash: string = window.location.hash): Route {
  const body = hash.replace(/^#\/?/, '');
  const [name = '', query = ''] = body.split('?', 2);
  const view = (VIEWS as readonly string[]).includes(name) ? (name as ViewName) : 'explore';
  return { view, params: new URLSearchParams(query) };
}

export function routeHref(view: ViewName, params: Record<string, string | number | null | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== null && value !== undefined && value !== '') search.set(key, String(value));
  const query = search.toString();
  return `#/${view}${query ? `?${query}` : ''}`;
}

/** The explore view centred on an entity; `group` names one group of its neighbours to draw (`facet`, `key`). */
export function exploreHref(id: string, depth?: number, group?: { facet: string; key: string } | null): string {
  return routeHref('explore', { id, depth: depth && depth !== 1 ? depth : null, facet: group?.facet, key: group?.key });
}

/** Goes to a view; `replace` rewrites the current history entry instead of adding one. */
export function navigate(href: string, replace = false): void {
  if (window.location.hash === href) return;
  if (replace) {
    history.replaceState(null, '', href);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = href;
  }
}

/** A comma-separated list parameter. */
export function listParam(params: URLSearchParams, name: string): string[] {
  return (params.get(name) ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}
