// The one way the UI talks to the server: JSON over fetch with the session cookie, the CSRF token
// echoed from its cookie, and every refusal turned into an ApiError that names its fields.

export interface FieldProblem { field: string; reason: string }

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: FieldProblem[] = [],
  ) {
    super(`${status} ${code}: ${detail}`);
  }

  /** The reason the server gave for a field (or any field under it), if it named that field. */
  forField(field: string): string | undefined {
    return this.errors.find((e) => e.field === field || e.field.startsWith(`${field}[`) || e.field.startsWith(`${field}.`))
      ?.reason;
  }
}

function csrfToken(): string | undefined {
  const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : undefined;
}

export let onUnauthenticated: () => void = () => {};
export function setUnauthenticatedHandler(f: () => void): void {
  onUnauthenticated = f;
}

async function problemOf(res: Response): Promise<ApiError> {
  let body: { code?: string; detail?: string; title?: string; errors?: FieldProblem[] } = {};
  try {
    body = await res.json();
  } catch {
    // not a problem document: keep the status
  }
  return new ApiError(res.status, body.code ?? `HTTP_${res.status}`, body.detail ?? body.title ?? res.statusText,
    body.errors ?? []);
}

export async function request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const h: Record<string, string> = { Accept: 'application/json', ...headers };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) {
    payload = body;
  } else if (body !== undefined) {
    h['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) h['X-XSRF-TOKEN'] = token;
  }
  const res = await send(path, { method, headers: h, body: payload });
  if (res.status === 204) {
    return undefined as T;
  }
  return (await res.json()) as T;
}

/** A file the API serves (a PDF), as bytes. */
export async function getBlob(path: string): Promise<Blob> {
  return (await send(path, { method: 'GET' })).blob();
}

/** fetch with the session cookie; a refusal becomes an ApiError, and a lapsed session is reported. */
async function send(path: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', 'network error');
  }
  if (res.status === 401 && path !== '/api/login') {
    onUnauthenticated();
  }
  if (!res.ok) {
    throw await problemOf(res);
  }
  return res;
}

export const get = <T>(path: string) => request<T>('GET', path);
export const post = <T>(path: string, body?: unknown, headers?: Record<string, string>) =>
  request<T>('POST', path, body, headers);
export const patch = <T>(path: string, body: unknown, headers?: Record<string, string>) =>
  request<T>('PATCH', path, body, headers);

export async function login(username: string, password: string): Promise<void> {
  const form = new URLSearchParams({ username, password });
  const res = await fetch('/api/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form,
    credentials: 'same-origin',
  });
  if (!res.ok) throw await problemOf(res);
}

export async function logout(): Promise<void> {
  await request<void>('POST', '/api/logout');
}

/** Path of a query with only the parameters that have a value. */
export function withQuery(path: string, params: Record<string, string | number | boolean | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== '' && v !== false) q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}
