/**
 * What an API key may call (issue 21 §7): each key route names its scope, and a key without it is refused. A new
 * key route adds its scope here, with the name the key page shows.
 */
export const API_KEY_SCOPE_LABEL = {
  provider: "报送行政许可、行政处罚数据",
} as const;
export type ApiKeyScope = keyof typeof API_KEY_SCOPE_LABEL;

/** The bearer token of a request: Authorization: Bearer …, or X-Api-Key. */
export function bearerToken(authorization: string | null, apiKeyHeader: string | null): string {
  return (authorization ?? "").replace(/^Bearer\s+/i, "").trim() || (apiKeyHeader ?? "").trim();
}
