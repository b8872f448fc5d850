/**
 * DOMAIN §6: a commitment is its template's text with the blanks the business filled in. `{key}` marks a
 * blank; the signed text is stored, so a later template version never changes what was signed.
 */
export type TemplateField = { key: string; label: string };

export function fillTemplate(body: string, values: Record<string, string>): string {
  // own keys only: a blank named like an Object member ("constructor") is still just a blank
  return body.replace(/\{(\w+)\}/g, (_, key: string) =>
    Object.hasOwn(values, key) ? String(values[key]) : `{${key}}`,
  );
}

/** The fields left empty, by label. */
export function missingFields(fields: readonly TemplateField[], values: Record<string, string>): string[] {
  return fields
    .filter((f) => !Object.hasOwn(values, f.key) || !String(values[f.key]).trim())
    .map((f) => f.label);
}

/** Blanks used in the body that the field list does not name, and named fields the body never uses. */
export function templateProblems(body: string, fields: readonly TemplateField[]): string | null {
  const used = new Set([...body.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string));
  const named = new Set(fields.map((f) => f.key));
  const unnamed = [...used].filter((k) => !named.has(k));
  if (unnamed.length) return `正文中的填写项 ${unnamed.map((k) => `{${k}}`).join("、")} 没有对应的字段名称。`;
  const unused = fields.filter((f) => !used.has(f.key));
  if (unused.length) return `字段“${unused.map((f) => f.label).join("、")}”没有在正文中使用。`;
  return null;
}
