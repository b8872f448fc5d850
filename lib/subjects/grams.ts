/** Every distinct 2-character substring, lower-cased: the same grams as the SQL function cjk_grams(). */
export function nameGrams(text: string): string[] {
  const chars = Array.from(text.toLowerCase());
  if (chars.length === 1) return chars;
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + (chars[i + 1] ?? ""));
  return [...grams];
}
