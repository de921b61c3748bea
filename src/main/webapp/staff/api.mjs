/**
 * Talking to the JSON API from the staff app. Every request says it comes from a script
 * (X-Requested-With, so a 401 never opens the browser's password dialog) and every write echoes
 * the session's CSRF token.
 */

// The app's root from this module's own address: at "/" in production, under a context root in
// the integration tests, and whatever the page's #/… route says.
export const ROOT = new URL('..', import.meta.url).pathname.replace(/\/$/, '');

let csrfToken = null;
let onSignedOut = () => {};

export function useSession(token, signedOut) {
  csrfToken = token;
  if (signedOut) onSignedOut = signedOut;
}

/** The reply of one call: {ok, status, data, problem, retryAfter}; status 0 when the network failed. */
export async function call(method, path, body, contentType) {
  const headers = { 'X-Requested-With': 'fetch', Accept: 'application/json, application/problem+json' };
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let payload;
  if (body !== undefined) {
    headers['Content-Type'] = contentType ?? 'application/json';
    payload = contentType ? body : JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(`${ROOT}/api/${path}`, { method, headers, body: payload, credentials: 'same-origin', cache: 'no-store' });
  } catch {
    return { ok: false, status: 0, data: null, problem: null, retryAfter: null };
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  const reply = {
    ok: response.ok, status: response.status, data: response.ok ? data : null,
    problem: response.ok ? null : data, retryAfter: response.headers.get('Retry-After'),
  };
  if (response.status === 401 && path !== 'session') onSignedOut();
  return reply;
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body ?? {});
export const put = (path, body) => call('PUT', path, body);
export const patch = (path, body) => call('PATCH', path, body);
export const remove = (path) => call('DELETE', path);

/** Endpoints being built at the same time on other branches answer 404 or 405 until they land. */
export function isMissing(reply) {
  return reply.status === 404 || reply.status === 405;
}

/** An address the API gives relative to the app ("/respond/…") as a full link to share. */
export function absolute(link) {
  return new URL(`${ROOT}${link}`, location.origin).href;
}

export function apiAddress(path) {
  return `${ROOT}/api/${path}`;
}
