import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "../db";
import { redeemTicket } from "../services/sessions";
import { authConfig } from "./config";

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
});
