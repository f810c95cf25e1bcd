/**
 * The Content-Security-Policy the app:// protocol sends as a header (SEC-07). It must equal the
 * `<meta http-equiv="Content-Security-Policy">` in renderer/index.html and the policy in
 * scripts/serve-web.mjs; a unit test compares all three. The header also enforces
 * `frame-ancestors`, which a meta tag cannot.
 */
export const APP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self' data: blob:; worker-src 'self' blob:; object-src 'none'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Headers sent with every app:// response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': APP_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};
