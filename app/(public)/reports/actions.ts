"use server";

import { z } from "zod";
import { parseSubjectCode } from "@/lib/subjects/subject-code";
import { caseKeyFields, contactField, idField, submissionKeyField, textField } from "@/lib/web/fields";
import { type ActionState, publicStep } from "@/server/action";
import { today } from "@/server/clock";
import { hashTrackingSecret } from "@/server/credentials/tracking-secret";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { admitLookup, filePublicCase } from "@/server/http/public-filing";
import { NO_SUCH_TIPOFF, submitTipoff, trackTipoff } from "@/server/services/cases/tipoffs";

/** Abuse-protected like objections (issue 14 §1): proof-of-work first, then 10 reports per address per hour. */

const tipoff = z.object({
  subject: z
    .string()
    .trim()
    .max(40)
    .transform((v, ctx) => {
      const c = parseSubjectCode(v);
      if (c.kind === "invalid") {
        ctx.addIssue({ code: "custom", message: c.message });
        return z.NEVER;
      }
      return c;
    }),
  deptId: idField("受理部门"),
  name: textField("举报人姓名或单位名称", 64),
  contact: contactField(),
  content: textField("举报内容", 3000, { min: 20, multiline: true }),
  submissionKey: submissionKeyField(),
  pow: z.string().max(20_000).optional(),
});

export async function submitTipoffAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return publicStep(tipoff, form, ["pow"], (input) =>
    filePublicCase(form, { pow: input.pow, kind: "tipoffs", noun: "举报" }, (c, files) =>
      submitTipoff(c, input, files),
    ),
  );
}

const tracking = z.object(caseKeyFields("JB"));

/** The reporter reads the answer by number and secret, by POST; an unknown number and a wrong secret read alike. */
export async function trackTipoffAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return publicStep(tracking, form, ["secret"], async (input) => {
    await admitLookup("tipoff-lookups");
    const found = await trackTipoff(await getDb(), input.caseNo, hashTrackingSecret(input.secret), today());
    if (!found) throw new AppError("not_found", NO_SUCH_TIPOFF);
    return { ok: true, message: `案号 ${found.caseNo}`, data: { tracking: found } };
  });
}
