import "server-only";
import { asc, eq, getTableColumns } from "drizzle-orm";
import { departments, regions } from "@/db/schema";
import { getDb } from "../db";

/** Every department, active or not, with its region's name, for the sysadmin. */
export async function listAllDepartments() {
  const db = await getDb();
  return db
    .select({ ...getTableColumns(departments), regionName: regions.name })
    .from(departments)
    .leftJoin(regions, eq(regions.code, departments.regionCode))
    .orderBy(asc(departments.regionCode), asc(departments.id));
}
