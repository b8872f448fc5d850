import "server-only";
import { asc } from "drizzle-orm";
import { departments } from "@/db/schema";
import { getDb } from "../db";

/** Every department, active or not, for the sysadmin. */
export async function listAllDepartments() {
  const db = await getDb();
  return db.select().from(departments).orderBy(asc(departments.regionCode), asc(departments.id));
}
