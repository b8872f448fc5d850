import { bigint, date, integer, pgTable, primaryKey } from "drizzle-orm/pg-core";
import { subjects } from "./subjects";
import { users } from "./users";

/** Issue 13 §6: the organisations a business account follows, with the day it began (changes since are shown). */
export const watchlist = pgTable(
  "watchlist",
  {
    userId: integer()
      .notNull()
      .references(() => users.id),
    subjectId: bigint({ mode: "number" })
      .notNull()
      .references(() => subjects.id),
    addedOn: date({ mode: "string" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.subjectId] })],
);
