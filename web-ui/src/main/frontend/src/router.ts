import { useEffect, useState } from 'preact/hooks';

// Hash routes (#/inbox, #/letters/{id}), so the server serves one page and needs no fallback.

export interface Route { path: string[]; query: URLSearchParams }

function current(): Route {
  const hash = location.hash.replace(/^#/, '') || '/inbox';
  const [p, q] = hash.split('?');
  return { path: p.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(q ?? '') };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const on = () => setRoute(current());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

export function navigate(to: string): void {
  location.hash = to;
}

export function href(to: string): string {
  return `#${to}`;
}
