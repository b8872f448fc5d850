import "server-only";
import { z } from "zod";
import { today } from "../clock";
import type { DisclosureFilters } from "../queries/disclosure";
import { withProvenance } from "../queries/provenance";
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
  kind: "penalty" | "licence",
  list: (
    f: DisclosureFilters & { today: string },
  ) => Promise<{ rows: { id: number }[]; total: number; capped: boolean }>,
) {
  return publicGet(params, async (f) => {
    const r = await list({ ...f, today: today() });
    return publicJson({
      page: f.page,
      pageSize: 20,
      total: r.total,
      totalIsLowerBound: r.capped,
      // where each came from and how it changed (issue 25 §2)
      results: await withProvenance(kind, r.rows),
    });
  });
}
