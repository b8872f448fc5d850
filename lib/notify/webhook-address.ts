/**
 * Issue 22 "no SSRF": a follower's webhook may only reach the public internet. Refused: this machine, the local
 * network, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast, documentation and reserved
 * ranges, in IPv4 and IPv6 (an IPv4-mapped IPv6 address is judged as its IPv4).
 */
const V4_PRIVATE: [number, number][] = [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
].map(([net, bits]) => [v4(String(net)) ?? 0, Number(bits)]);

function v4(ip: string): number | null {
  const parts = ip.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

/** The eight 16-bit groups of an IPv6 address, or null. */
function v6(ip: string): number[] | null {
  let s = ip.toLowerCase();
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(s)?.[1];
  if (tail) {
    const n = v4(tail);
    if (n === null) return null;
    s = `${s.slice(0, -tail.length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const rest = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - rest.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return null;
  const groups = [...head, ...Array(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => Number.parseInt(g, 16));
}

const inV4 = (n: number) =>
  V4_PRIVATE.some(([net, bits]) => Math.floor(n / 2 ** (32 - bits)) === Math.floor(net / 2 ** (32 - bits)));

/** Whether an IP address is one a webhook may be sent to; anything not an IP address is not. */
export function isPublicAddress(ip: string): boolean {
  const n4 = v4(ip);
  if (n4 !== null) return !inV4(n4);
  const g = v6(ip.replace(/^\[|\]$/g, ""));
  if (!g) return false;
  const [a = 0, b = 0] = g;
  // ::ffff:a.b.c.d
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return !inV4((g[6] ?? 0) * 65536 + (g[7] ?? 0));
  if (g.slice(0, 7).every((x) => x === 0) && (g[7] ?? 0) <= 1) return false; // :: and ::1
  if ((a & 0xfe00) === 0xfc00) return false; // fc00::/7
  if ((a & 0xffc0) === 0xfe80) return false; // fe80::/10
  if ((a & 0xff00) === 0xff00) return false; // ff00::/8
  if (a === 0x2001 && b === 0x0db8) return false; // 2001:db8::/32
  return true;
}

export const isIpLiteral = (host: string) => v4(host) !== null || v6(host) !== null;

/** A webhook address as registered: HTTPS, a host name or a public address, no credentials. null when it holds. */
export function webhookUrlProblem(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return "请填写完整的网址，如 https://example.cn/credit-hook";
  }
  if (u.protocol !== "https:") return "只能使用 https:// 开头的地址。";
  if (u.username || u.password) return "网址中不能包含用户名或密码。";
  const host = u.hostname.replace(/^\[|\]$/g, "");
  if (isIpLiteral(host) && !isPublicAddress(host)) return "不能推送到内网、本机或保留地址。";
  if (/^(localhost|.*\.localhost|.*\.local|.*\.internal)$/i.test(host))
    return "不能推送到内网、本机或保留地址。";
  return null;
}
