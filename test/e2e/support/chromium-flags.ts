/**
 * How the end-to-end tests start Debian's Chromium (through playwright-core, which adds its own switches first).
 * The tests only ever load the editor from a loopback server, so Chromium gets no way out: with only the "off"
 * switches below, Chromium 156 still resolved accounts.google.com and connected a UDP socket to Google's public
 * DNS address during a test run (strace). The last three switches make that impossible rather than unlikely:
 * every host name resolves to "not found" without a DNS query, and anything not on loopback goes to a proxy
 * on a closed loopback port. chromium-offline.test.ts checks the list and, under strace, the sockets.
 */
export const CHROMIUM = '/usr/bin/chromium';

/** A loopback port nothing listens on (discard): a request sent to this proxy fails at once, locally. */
export const DEAD_PROXY = 'http://127.0.0.1:9';

export const CHROMIUM_ARGS: readonly string[] = [
  '--headless', '--no-sandbox', '--disable-gpu',
  // Chromium's own background traffic, switched off by name: variations/safe-browsing/etc. fetches, component
  // updates, sync, domain reliability reports, DNS prefetching, hyperlink auditing pings, crash reports,
  // metrics uploads, first-run and default-browser checks.
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-domain-reliability',
  '--dns-prefetch-disable', '--no-pings', '--disable-breakpad', '--metrics-recording-only', '--no-first-run',
  '--no-default-browser-check', '--disable-client-side-phishing-detection',
  // WebRTC may not pick network interfaces or send UDP outside a proxy.
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
  // No --disable-features here: playwright-core already passes one (OptimizationHints, NetworkTimeServiceQuerying,
  // MediaRouter, ...) and Chromium keeps only the last, so a second would switch those back on. DNS-over-HTTPS
  // probing needs a DNS name or a non-loopback connection, which the next three switches deny.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
  `--proxy-server=${DEAD_PROXY}`,
  '--proxy-bypass-list=127.0.0.1;localhost;[::1]',
];
