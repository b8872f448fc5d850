import { OPENAPI } from "@/server/http/openapi";

/** GET /api/v1/openapi.json — the OpenAPI 3.1 description of the public read API. */
export function GET() {
  return Response.json(OPENAPI, {
    headers: { "access-control-allow-origin": "*", "cache-control": "public, max-age=3600" },
  });
}
