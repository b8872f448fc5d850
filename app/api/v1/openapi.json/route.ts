import { siteOrigin } from "@/server/auth/request-meta";
import { OPENAPI } from "@/server/http/openapi";

/** GET /api/v1/openapi.json — the OpenAPI 3.1 description of the public read API, with this site's address. */
export function GET(request: Request) {
  return Response.json(
    { ...OPENAPI, servers: [{ url: siteOrigin(request.headers) }] },
    { headers: { "access-control-allow-origin": "*", "cache-control": "public, max-age=3600" } },
  );
}
