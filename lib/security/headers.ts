/**
 * HTTP headers sent with every response. Pure, so a unit test can hold them
 * (docs/decisions/028-strict-content-security-policy.md).
 *
 * A page's scripts run only with the nonce of its own response: proxy.ts makes a
 * fresh one for every page request and sends `contentSecurityPolicy({ nonce })`
 * on the request (Next reads the nonce there and puts it on its own scripts)
 * and on the response. Scripts those scripts load are trusted through
 * 'strict-dynamic'; nothing inline without the nonce runs, and no other site's
 * script does. Everything the proxy does not answer (API routes, Next's files,
 * the service worker, manifests, files from public/) gets the same policy
 * without a nonce from next.config.ts: no inline script at all.
 *
 * Styles may still be inline (React's style attributes, Next's own style tags).
 */
export function contentSecurityPolicy({ production, nonce }: { production: boolean; nonce?: string }): string {
  const scripts = nonce ? ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"] : ["'self'"];
  // React in development rebuilds server error stacks with eval; hot reload talks over a websocket
  if (!production) scripts.push("'unsafe-eval'");
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${production ? "" : " ws: wss:"}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The other security headers: the same on every response. */
export function securityHeaders({ production }: { production: boolean }): { key: string; value: string }[] {
  const headers = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
  if (production) headers.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
  return headers;
}

/**
 * The paths proxy.ts does not answer, in next.config.ts's `source` syntax: exactly
 * the complement of the proxy's matcher (a unit test holds the two together), so
 * each response gets one Content-Security-Policy, from one place.
 */
export const NOT_PROXIED = "/:path((?:api|_next|_vercel|serwist|manifest|.*\\..*).*)";

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
