import "server-only";
import { database } from "../db";
import { memo } from "../memo";

export type DepartmentOption = { id: number; name: string };

export function getDepartments(): Promise<DepartmentOption[]> {
  return memo("departments", 600_000, async () => {
    const db = await database();
    const rows = await db.exec("SELECT id, name FROM departments WHERE active ORDER BY region_code, id");
    return rows.map((r) => ({ id: Number(r.id), name: String(r.name) }));
  });
}
