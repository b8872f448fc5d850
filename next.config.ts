import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its wasm/data files by path; bundling it breaks every query (STACK-NOTES).
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
