import { NextResponse } from "next/server";
import type { NextAuthConfig } from "next-auth";

declare module "next-auth" {
  interface Session {
    sid?: string;
  }
  interface User {
    sid?: string;
  }
}
declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
  }
}

// Without AUTH_SECRET outside production a fixed key is used; the cookie only names a session row, which the
// guard checks on every request. `npm run demo` and the e2e server set their own secret.
const DEV_AUTH_SECRET = "credit-jiangxi-development-auth-secret";

/**
 * The part of the next-auth configuration the proxy shares: no database, no providers. It only decides
 * whether to redirect early; pages, actions and route handlers call the guard themselves (STYLE §1).
 */
export const authConfig = {
  secret: process.env.AUTH_SECRET || (process.env.NODE_ENV === "production" ? undefined : DEV_AUTH_SECRET),
  trustHost: true,
  pages: { signIn: "/admin/login" },
  // the database row decides idle and absolute expiry (lib/session-policy); the cookie lasts at most 12 hours
  session: { strategy: "jwt", maxAge: 12 * 3600 },
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      const { pathname, search } = request.nextUrl;
      if (pathname === "/admin/login" || auth?.sid) return true;
      // issue 20 N16: the way back as a relative path, never the server's own localhost:port that next-auth writes;
      // Next turns a redirect to the request's own origin into a relative Location
      const to = new URL("/admin/login", request.nextUrl);
      to.searchParams.set("callbackUrl", `${pathname}${search}`);
      return NextResponse.redirect(to);
    },
    jwt({ token, user }) {
      if (user?.sid) token.sid = user.sid;
      return token;
    },
    session({ session, token }) {
      session.sid = token.sid;
      return session;
    },
  },
} satisfies NextAuthConfig;
