import type { NextConfig } from "next";
import { RESPONSE_HEADERS } from "./lib/web/security-headers";

const nextConfig: NextConfig = {
  // PGlite loads its wasm/data files by path; bundling it breaks every query (STACK-NOTES). pdfkit reads its
  // font metrics from its own folder the same way.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "exceljs", "pdfkit"],
  // forbidden(): a real 403 for a role that may not open a console page
  // materials of a repair or self-report: up to 5 files of 10 MB each, checked again by the service
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "52mb" } },
  poweredByHeader: false,
  typedRoutes: false,
  // The Content-Security-Policy (with a nonce per request) and HSTS are set by scripts/serve.ts, which sees
  // each request before Next does; these headers do not vary.
  async headers() {
    return [{ source: "/:path*", headers: [...RESPONSE_HEADERS] }];
  },
};

export default nextConfig;
