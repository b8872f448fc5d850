import { type AnyPgColumn, index, pgEnum, pgTable, smallint, varchar } from "drizzle-orm/pg-core";

export const regionLevel = pgEnum("region_level", ["province", "city", "county"]);

/** GB/T 2260 administrative divisions of Jiangxi (36), by 6-digit code. */
export const regions = pgTable(
  "regions",
  {
    code: varchar({ length: 6 }).primaryKey(),
    name: varchar({ length: 64 }).notNull(),
    level: regionLevel().notNull(),
    parentCode: varchar({ length: 6 }).references((): AnyPgColumn => regions.code),
    sortOrder: smallint().notNull().default(0),
  },
  (t) => [index().on(t.parentCode)],
);

export type Region = typeof regions.$inferSelect;
