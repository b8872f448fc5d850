import { z } from "zod";
import { isJiangxiDivision } from "@/lib/subjects/regions";
import { intParam } from "@/lib/web/query-string";

/** The grade list's filters, from a URL: anything malformed is dropped, never an error page. */
export const gradeListParams = z.object({
  regionCode: z.string().refine(isJiangxiDivision).optional().catch(undefined),
  deptId: z.preprocess((v) => intParam(v as string | undefined), z.number().optional()),
  grade: z.enum(["A", "B", "C", "D"]).optional().catch(undefined),
  industry: z
    .string()
    .regex(/^[A-T]$/)
    .optional()
    .catch(undefined),
  q: z.string().trim().max(50).optional().catch(undefined),
});
