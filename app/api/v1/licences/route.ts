import { z } from "zod";
import { today } from "@/server/clock";
import { dateParam, deptParam, pageParam, publicGet, publicJson, regionParam } from "@/server/http/api";
import { listLicences } from "@/server/queries/disclosure";

const params = z.object({
  page: pageParam,
  dept: deptParam,
  region: regionParam,
  from: dateParam,
  to: dateParam,
});

/** GET /api/v1/licences — administrative licences, newest first. */
export const GET = publicGet(params, async (f) => {
  const r = await listLicences({ ...f, today: today() });
  return publicJson({
    page: f.page,
    pageSize: 20,
    total: r.total,
    totalIsLowerBound: r.capped,
    results: r.rows,
  });
});
