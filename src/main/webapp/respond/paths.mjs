/**
 * Addresses relative to where the application is deployed: at the root in production
 * (--contextroot /) and under a context root in the integration tests, so no path starts at "/".
 */
const page = location.pathname;
export const ROOT = page.slice(0, Math.max(0, page.lastIndexOf('/respond/')));

/** `respond/{token}` → `{root}/api/respond/{token}` */
export function apiPath(path) {
  return `${ROOT}/api/${path}`;
}

/** The questionnaire of an invitation token. */
export function formPath(token) {
  return `${ROOT}/respond/${encodeURIComponent(token)}`;
}
