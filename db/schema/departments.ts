import { boolean, char, index, integer, pgTable, serial, varchar } from "drizzle-orm/pg-core";
import { timestamps } from "./_columns";
import { regionLevel, regions } from "./regions";

/** Government departments: 处罚机关 / 许可机关 / 数据来源单位 / 认定单位, each with its own USCC. */
export const departments = pgTable(
  "departments",
  {
    id: serial().primaryKey(),
    code: varchar({ length: 32 }).notNull().unique(),
    name: varchar({ length: 128 }).notNull(),
    shortName: varchar({ length: 32 }).notNull(),
    uscc: char({ length: 18 }).notNull().unique(),
    regionCode: varchar({ length: 6 })
      .notNull()
      .references(() => regions.code),
    level: regionLevel().notNull(),
    parentId: integer(),
    active: boolean().notNull().default(true),
    ...timestamps,
  },
  (t) => [index().on(t.regionCode)],
);

export type Department = typeof departments.$inferSelect;
