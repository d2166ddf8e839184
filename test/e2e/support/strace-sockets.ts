/**
 * Reads an `strace -f -yy -e trace=%network,write,writev` log and returns the lines that show traffic leaving
 * the machine. -yy annotates every socket descriptor with its endpoints (`22<TCP:[127.0.0.1:5->127.0.0.1:9]>`),
 * so a write on a connected socket shows where it goes. Allowed: AF_UNIX, anything to loopback, and connect() on
 * a UDP socket (a route lookup: Chromium's IPv6 probe connects one to [2001:4860:4860::8888]:443, reads its own
 * address and closes it; a UDP connect sends no packet). Anything else that could put a byte on the wire is
 * reported: a TCP connect off the machine, a UDP connect to port 53 (a DNS lookup), and any send or write on a
 * socket whose peer, or to a destination, that is not loopback.
 */
const DATA_CALLS = /^\d+\s+(?:[\d:.]+\s+)?(sendto|sendmsg|sendmmsg|write|writev)\(/;
const CONNECT = /^\d+\s+(?:[\d:.]+\s+)?connect\(\d+<((TCP|UDP)(?:v6)?:[^>]*)>,\s*\{sa_family=AF_INET6?,\s*(?:sin6?_port=htons\((\d+)\)).*?(?:inet_addr\("([^"]+)"\)|inet_pton\(AF_INET6,\s*"([^"]+)")/;
/** The socket annotation of a data call: what -yy printed for its descriptor. */
const ANNOTATION = /\(\d+<((?:TCP|UDP)(?:v6)?:[^>]*)>/;
/** A connected inet socket's annotation: <UDPv6:[local->peer]>. */
const PEER = /<(?:TCP|UDP)(?:v6)?:\[[^>]*?->(\[[^\]]+\]|[\d.]+):\d+\]>/;
/** An explicit destination in sendto/sendmsg: the address in {sa_family=AF_INET...}. */
const DESTINATION = /sa_family=AF_INET6?,.*?(?:inet_addr\("([^"]+)"\)|inet_pton\(AF_INET6,\s*"([^"]+)")/;

/** True for 127.0.0.0/8, ::1 and IPv4-mapped 127.x. */
export function isLoopback(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  return bare === '::1' || /^(?:::ffff:)?127\./.test(bare);
}

/** Lines of the log that show, or may show, a byte leaving the machine. */
export function offMachineTraffic(log: string): string[] {
  // -yy does not always show a connected UDP socket's peer (`<UDP:[0.0.0.0:32856]>` after its connect), so
  // remember how each socket connected off the machine was annotated and catch data calls on it by that.
  const connectedOff = new Set<string>();
  return log.split('\n').filter((line) => {
    const connect = CONNECT.exec(line);
    if (connect) {
      const [, annotation, protocol, port, v4, v6] = connect;
      if (isLoopback((v4 ?? v6)!)) return false;
      connectedOff.add(annotation!);
      return protocol === 'TCP' || port === '53';
    }
    if (!DATA_CALLS.test(line)) return false;
    const annotation = ANNOTATION.exec(line)?.[1];
    if (annotation !== undefined && connectedOff.has(annotation)) return true;
    const peer = PEER.exec(line)?.[1];
    if (peer !== undefined && !isLoopback(peer)) return true;
    const destination = DESTINATION.exec(line);
    return destination !== null && !isLoopback((destination[1] ?? destination[2])!);
  });
}
