/**
 * What an API key may call (issue 21 §7): each key route names its scope, and a key without it is refused. A new
 * key route adds its scope here, with the name the key page shows and whose keys may carry it (issue 23: a
 * department's system, or an authorised institution's).
 */
export const API_KEY_SCOPE_LABEL = {
  provider: "报送行政许可、行政处罚数据",
  check: "联合奖惩核查与反馈",
  query: "授权查询信用信息",
} as const;
export type ApiKeyScope = keyof typeof API_KEY_SCOPE_LABEL;

export const SCOPE_OWNER = {
  provider: "department",
  check: "department",
  query: "institution",
} as const satisfies Record<ApiKeyScope, "department" | "institution">;
export type KeyOwner = (typeof SCOPE_OWNER)[ApiKeyScope];
export const DEPARTMENT_SCOPES = ["provider", "check"] as const satisfies readonly ApiKeyScope[];

/** The bearer token of a request: Authorization: Bearer …, or X-Api-Key. */
export function bearerToken(authorization: string | null, apiKeyHeader: string | null): string {
  return (authorization ?? "").replace(/^Bearer\s+/i, "").trim() || (apiKeyHeader ?? "").trim();
}
