import NextAuth from "next-auth";
import { authConfig } from "@/server/auth/config";

// An early redirect to the sign-in page only: every console page, action and handler calls the guard itself,
// so a request that skips the proxy (CVE-2025-29927's forged x-middleware-subrequest) still gets nothing.
const { auth } = NextAuth(authConfig);
export const proxy = auth;

export const config = { matcher: ["/admin/:path*"] };
