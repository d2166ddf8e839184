/**
 * Who may talk to the server. Host: only localhost names and the bound address, so a web page whose DNS
 * name was re-pointed at 127.0.0.1 (DNS rebinding) is refused although the browser thinks it talks to its own
 * site. Origin (CORS): only what LanguageTool clients are: browser extensions (the LanguageTool add-on runs
 * as one), loopback pages, and origins named with --allow-origin. Clients outside a browser (LibreOffice,
 * LTeX, editors' plug-ins) send no Origin at all.
 */

/** Host names always allowed, besides the bound address. */
const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** The host name of a Host header, without its port; IPv6 stays in brackets. Null when malformed. */
export function hostName(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::\d{1,5})?$/.exec(header.trim());
  return match ? match[1]!.toLowerCase() : null;
}

/** Whether a Host header names this server: a localhost name or `boundHost` (an IP address or a name). */
export function hostAllowed(header: string | undefined, boundHost: string): boolean {
  const name = hostName(header);
  if (name === null) return false;
  const bound = boundHost.includes(':') && !boundHost.startsWith('[') ? `[${boundHost.toLowerCase()}]` : boundHost.toLowerCase();
  return LOCAL_HOSTS.includes(name) || name === bound;
}

/** Schemes of browser extensions (Chrome and Edge, Firefox, Safari). */
const EXTENSION_SCHEMES = ['chrome-extension:', 'moz-extension:', 'safari-web-extension:'];

/** Whether a request with this Origin header may be answered (and read by the page): see the file's comment. */
export function originAllowed(origin: string, extra: readonly string[] = []): boolean {
  if (extra.includes(origin)) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (EXTENSION_SCHEMES.includes(url.protocol)) return true;
  return (url.protocol === 'http:' || url.protocol === 'https:') && LOCAL_HOSTS.includes(url.hostname);
}

/** The CORS headers of an answer to an allowed `origin` (preflights also get methods, headers and max age). */
export function corsHeaders(origin: string, preflight: boolean): Record<string, string> {
  const headers: Record<string, string> = { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
  if (preflight) {
    headers['Access-Control-Allow-Methods'] = 'GET, POST, OPTIONS';
    headers['Access-Control-Allow-Headers'] = 'Content-Type, Accept';
    headers['Access-Control-Max-Age'] = '600';
  }
  return headers;
}
