import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "../db";
import { closeSession, redeemTicket } from "../services/sessions";
import { authConfig } from "./config";
import { requestMeta } from "./request-meta";

const ticketSchema = z.object({ sid: z.uuid(), ticket: z.string().min(20).max(100) });

export const { auth, handlers, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { sid: {}, ticket: {} },
      // the password (and second factor) were checked by the sign-in action; this only redeems its ticket
      async authorize(raw) {
        const parsed = ticketSchema.safeParse(raw);
        if (!parsed.success) return null;
        const userId = await redeemTicket(await getDb(), parsed.data.sid, parsed.data.ticket);
        return userId === null ? null : { id: String(userId), sid: parsed.data.sid };
      },
    }),
  ],
  events: {
    // next-auth's own POST /api/auth/signout only clears the cookie; a copy of it must not live on (issue 9 §6)
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (sid) await closeSession(await getDb(), { sid, ...(await requestMeta()) });
    },
  },
});
