import { z } from "zod";

/** The grade list's filters, from a URL: anything malformed is dropped, never an error page. */
export const gradeListParams = z.object({
  regionCode: z
    .string()
    .regex(/^36\d{4}$/)
    .optional()
    .catch(undefined),
  deptId: z.coerce.number().int().positive().optional().catch(undefined),
  grade: z.enum(["A", "B", "C", "D"]).optional().catch(undefined),
  industry: z
    .string()
    .regex(/^[A-T]$/)
    .optional()
    .catch(undefined),
  q: z.string().trim().max(50).optional().catch(undefined),
});
