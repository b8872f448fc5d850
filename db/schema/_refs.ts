import { bigint, integer } from "drizzle-orm/pg-core";
import { departments } from "./departments";
import { subjects } from "./subjects";
import { users } from "./users";

/**
 * Foreign keys to the three tables nearly every record names (the subject, the department, the person), spelt once.
 * Not for subjects.ts, departments.ts or users.ts themselves: they are what this file imports.
 */
export const subjectRef = () => bigint({ mode: "number" }).references(() => subjects.id);
export const deptRef = () => integer().references(() => departments.id);
export const userRef = () => integer().references(() => users.id);
