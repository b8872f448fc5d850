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
