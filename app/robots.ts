import type { MetadataRoute } from "next";

/** Public pages may be indexed; the console, the business portal and the API may not. */
export default function robots(): MetadataRoute.Robots {
  return { rules: { userAgent: "*", allow: "/", disallow: ["/admin", "/business", "/api/"] } };
}
