import { z } from "zod";
import { today } from "@/server/clock";
import { dateParam, deptParam, pageParam, publicGet, publicJson, regionParam } from "@/server/http/api";
import { listPenalties } from "@/server/queries/disclosure";

const params = z.object({
  page: pageParam,
  dept: deptParam,
  region: regionParam,
  from: dateParam,
  to: dateParam,
});

/** GET /api/v1/penalties — publicly disclosed administrative penalties, newest first. */
export const GET = publicGet(params, async (f) => {
  const r = await listPenalties({ ...f, today: today() });
  return publicJson({
    page: f.page,
    pageSize: 20,
    total: r.total,
    totalIsLowerBound: r.capped,
    results: r.rows,
  });
});
