/** 12345 → "12,345"; 123456789 → "1.23 亿" — the way Chinese portals print headline counts. */
export function formatCount(n: number): string {
  if (n >= 100_000_000) return `${(n / 100_000_000).toFixed(2)} 亿`;
  if (n >= 100_000) return `${(n / 10_000).toFixed(1)} 万`;
  return n.toLocaleString("en-US");
}

/** "2026-11-23" → "2026年11月23日" */
export function formatDateZh(date: string): string {
  const [y, m, d] = date.split("-");
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** "decisionDate" → "decision_date": the schema is declared camelCase and stored snake_case. */
export const snakeCase = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const TIME_STYLES = {
  /** 2026/12/2 10:23 */
  short: { dateStyle: "short", timeStyle: "short" },
  /** 2026/12/2 10:23:05 */
  seconds: { dateStyle: "short", timeStyle: "medium" },
  /** 2026年12月9日 10:23 */
  long: { dateStyle: "long", timeStyle: "short" },
} as const;
const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** A moment as people in Jiangxi read it: China time, whatever the server's zone. */
export function formatTimeZh(at: Date, style: keyof typeof TIME_STYLES = "short"): string {
  let f = timeFormats.get(style);
  if (!f) {
    f = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", hour12: false, ...TIME_STYLES[style] });
    timeFormats.set(style, f);
  }
  return f.format(at);
}
