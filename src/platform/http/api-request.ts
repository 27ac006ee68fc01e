/**
 * Whether a URL belongs to the JSON API (`/api/v1…` and its OpenAPI document). Such requests are
 * authenticated by bearer token only: a browser's session cookie is never read for them, so the
 * cookie-based CSRF check has nothing to protect there. The reference page `/api/docs` is an
 * ordinary page.
 */
export function isApiUrl(url: string): boolean {
  return /^\/api\/(v1(?:[/?#]|$)|openapi\.json(?:[?#]|$))/.test(url);
}
