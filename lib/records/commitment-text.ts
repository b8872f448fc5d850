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

/** Whose templates are whose (issue 20 N10): the province's, or one city's. */
export const PROVINCE_SCOPE = "360000";

/** The scope a region's reviewers keep and its subjects use: the province, or the city (a county is its city's). */
export function templateScopeOf(regionCode: string | null): string {
  return regionCode && /^36\d{4}$/.test(regionCode) && regionCode !== PROVINCE_SCOPE
    ? `${regionCode.slice(0, 4)}00`
    : PROVINCE_SCOPE;
}

/**
 * Issue 20 N10: a template is kept by reviewers of its own scope — the province's by a province-level reviewer,
 * a city's by that city's. The 信用修复承诺书 every application signs is the province's alone. A new template is
 * the reviewer's own region's. null when allowed, else the reason.
 */
export function templateEditProblem(
  actor: { roles: readonly string[]; regionCode: string | null },
  template: { scopeRegionCode: string; type: string },
): string | null {
  if (!actor.roles.includes("reviewer")) return "只有审核员可以维护承诺书模板。";
  if (template.type === "repair" && template.scopeRegionCode !== PROVINCE_SCOPE)
    return "信用修复承诺书全省统一使用，只能由省级部门的审核员维护。";
  if (!actor.regionCode || templateScopeOf(actor.regionCode) !== template.scopeRegionCode)
    return template.scopeRegionCode === PROVINCE_SCOPE
      ? "全省通用的模板只能由省级部门的审核员修改；本地区可新建本地区适用的模板。"
      : "该模板属于其他地区，不能修改。";
  return null;
}

/** The scopes whose templates a subject registered in `regionCode` uses: the province's and its city's. */
export function templateScopesFor(regionCode: string | null): string[] {
  const own = templateScopeOf(regionCode);
  return own === PROVINCE_SCOPE ? [PROVINCE_SCOPE] : [PROVINCE_SCOPE, own];
}
