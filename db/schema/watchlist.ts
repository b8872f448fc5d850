import { date, pgTable, primaryKey } from "drizzle-orm/pg-core";
import { subjectRef, userRef } from "./_refs";

/** Issue 13 §6: the organisations a business account follows, with the day it began (changes since are shown). */
export const watchlist = pgTable(
  "watchlist",
  {
    userId: userRef().notNull(),
    subjectId: subjectRef().notNull(),
    addedOn: date({ mode: "string" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.subjectId] })],
);
