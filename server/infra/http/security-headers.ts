/**
 * Security headers. Every response: no MIME sniffing, no referrer, no framing. Pages (the dashboard and
 * GraphiQL) also get a content security policy that allows scripts, workers and connections from this origin
 * only: no inline script, no eval, nothing from another host. Styles allow 'unsafe-inline' because the editor
 * (Monaco, in GraphiQL) and the charts set styles at run time; no script can come in that way.
 */
import type { ServerResponse } from 'node:http';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** On every response. */
export function setBaseSecurityHeaders(res: ServerResponse): void {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-frame-options', 'DENY');
}

/** On HTML pages, beside the base headers. */
export function setPageSecurityHeaders(res: ServerResponse): void {
  setBaseSecurityHeaders(res);
  res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
  res.setHeader('cross-origin-opener-policy', 'same-origin');
  res.setHeader('cross-origin-resource-policy', 'same-origin');
  res.setHeader('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
}
