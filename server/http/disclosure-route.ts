import "server-only";
import { z } from "zod";
import { today } from "../clock";
import type { DisclosureFilters } from "../queries/disclosure";
import { dateParam, deptParam, pageParam, publicGet, publicJson, regionParam } from "./api";

const params = z.object({
  page: pageParam,
  dept: deptParam,
  region: regionParam,
  from: dateParam,
  to: dateParam,
});

/** GET handler of a 双公示 list (penalties, licences): the same filters, paging and answer shape. */
export function disclosureListRoute(
  list: (
    f: DisclosureFilters & { today: string },
  ) => Promise<{ rows: unknown[]; total: number; capped: boolean }>,
) {
  return publicGet(params, async (f) => {
    const r = await list({ ...f, today: today() });
    return publicJson({
      page: f.page,
      pageSize: 20,
      total: r.total,
      totalIsLowerBound: r.capped,
      results: r.rows,
    });
  });
}
