// Calls the /api/v1 API next to the console with the key the user typed in. The key lives in sessionStorage only
// (gone when the tab closes), travels in the X-Api-Key header, and is never put in a URL or written to a log.
const apiKeyItem = 'loyalty.console.apiKey';
const functionKeyItem = 'loyalty.console.functionKey';

// The console is served at {routePrefix}/console/, the API at {routePrefix}/v1/.
const apiBase = new URL('../v1/', document.baseURI);

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || { status, title: `HTTP ${status}` };
  }

  get code() { return this.problem.code; }

  get fieldErrors() { return Array.isArray(this.problem.errors) ? this.problem.errors : []; }

  get isAuth() { return this.status === 401 || this.status === 403; }
}

export const session = {
  get hasKey() { return Boolean(sessionStorage.getItem(apiKeyItem)); },
  signIn(apiKey, functionKey) {
    sessionStorage.setItem(apiKeyItem, apiKey);
    if (functionKey) sessionStorage.setItem(functionKeyItem, functionKey);
    else sessionStorage.removeItem(functionKeyItem);
  },
  signOut() {
    sessionStorage.removeItem(apiKeyItem);
    sessionStorage.removeItem(functionKeyItem);
  },
};

const listeners = new Set();

/** Called with the ApiError whenever the API refuses the key (401), so the shell can ask for another. */
export function onUnauthorized(listener) { listeners.add(listener); }

function url(path, query) {
  const target = new URL(path.replace(/^\//, ''), apiBase);
  for (const [name, value] of Object.entries(query || {})) {
    if (value !== undefined && value !== null && value !== '') target.searchParams.set(name, String(value));
  }
  return target;
}

/**
 * One API call; resolves to { body, headers, status } for a 2xx answer and rejects with an ApiError otherwise.
 * signIn: the call that tries a new key, whose 401 the sign-in form reports itself.
 */
export async function call(method, path, { query, body, headers, signIn = false } = {}) {
  const sent = new Headers(headers || {});
  sent.set('Accept', 'application/json');
  const apiKey = sessionStorage.getItem(apiKeyItem);
  if (apiKey) sent.set('X-Api-Key', apiKey);
  const functionKey = sessionStorage.getItem(functionKeyItem);
  if (functionKey) sent.set('x-functions-key', functionKey);
  if (body !== undefined) sent.set('Content-Type', 'application/json');
  if (method !== 'GET' && !sent.has('Idempotency-Key')) sent.set('Idempotency-Key', `console-${crypto.randomUUID()}`);

  let response;
  try {
    response = await fetch(url(path, query), {
      method,
      headers: sent,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
  } catch {
    throw new ApiError(0, { title: 'network', detail: '', code: 'network-error' });
  }

  const text = await response.text();
  let parsed = null;
  if (text) {
    try { parsed = JSON.parse(text); } catch { parsed = { detail: text.slice(0, 300) }; }
  }
  if (!response.ok) {
    const error = new ApiError(response.status, parsed);
    if (response.status === 401 && !signIn) listeners.forEach((listener) => listener(error));
    throw error;
  }
  return { body: parsed, headers: response.headers, status: response.status };
}

export const get = (path, query) => call('GET', path, { query }).then((r) => r.body);
export const post = (path, body, headers) => call('POST', path, { body, headers }).then((r) => r.body);
