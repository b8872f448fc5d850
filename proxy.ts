import NextAuth from "next-auth";
import { authConfig } from "@/server/auth/config";

// An early redirect to the sign-in page only: every console page, action and handler calls the guard itself,
// so a request that skips the proxy (CVE-2025-29927's forged x-middleware-subrequest) still gets nothing.
const { auth } = NextAuth(authConfig);
export const proxy = auth;

// The upload routes are left out: a proxy buffers a request body and cuts it at 10 MB without a word
// (proxyClientMaxBodySize), while an import may be 50 MB (issue 9 §1) and a news item's attachments 52 MB (issue 20
// N8). Each route guards itself like every other and counts what arrives.
export const config = { matcher: ["/admin", "/admin/((?!imports/upload$|news/save$).*)"] };
