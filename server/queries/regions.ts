import "server-only";
import { database } from "../db";
import { memo } from "../memo";

export type RegionOption = { code: string; name: string };

/** The 11 设区市, for filters. */
export function getCities(): Promise<RegionOption[]> {
  return memo("cities", 3_600_000, async () => {
    const db = await database();
    const rows = await db.exec("SELECT code, name FROM regions WHERE level = 'city' ORDER BY sort_order");
    return rows.map((r) => ({ code: String(r.code), name: String(r.name) }));
  });
}

/** A 设区市's counties and districts, for the city view's filter (issue 13 §5). */
export function getCounties(cityCode: string): Promise<RegionOption[]> {
  return memo(`counties:${cityCode}`, 3_600_000, async () => {
    const db = await database();
    const rows = await db.exec(
      "SELECT code, name FROM regions WHERE parent_code = $1 ORDER BY sort_order, code",
      [cityCode],
    );
    return rows.map((r) => ({ code: String(r.code), name: String(r.name) }));
  });
}
