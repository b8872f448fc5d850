"use server";

import { z } from "zod";
import { normalizeActivationCode } from "@/lib/access/activation-code";
import { parseSubjectCode } from "@/lib/subjects/subject-code";
import { contactField, idField, submissionKeyField, textField } from "@/lib/web/fields";
import { type ActionState, publicStep } from "@/server/action";
import { requestMeta } from "@/server/auth/request-meta";
import { checkCaseFiles } from "@/server/case-files";
import { today } from "@/server/clock";
import { hashTrackingSecret } from "@/server/credentials/tracking-secret";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { createLimiter } from "@/server/limiter";
import { powProblem } from "@/server/pow";
import { NO_SUCH_TIPOFF, submitTipoff, trackTipoff } from "@/server/services/cases/tipoffs";

/** Abuse-protected like objections (issue 14 §1): proof-of-work first, then 10 reports per address per hour. */
const TIPOFFS_PER_HOUR = 10;
const perAddress = createLimiter("tipoffs", 3_600_000);

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
  return publicStep(tipoff, form, ["pow"], async (input) => {
    const meta = await requestMeta();
    const pow = await powProblem(input.pow);
    if (pow) throw new AppError("invalid", pow);
    const limit = perAddress(meta.ip, TIPOFFS_PER_HOUR);
    if (!limit.allowed)
      throw new AppError(
        "invalid",
        `提交过于频繁：同一网络地址每小时最多提交 ${TIPOFFS_PER_HOUR} 件举报，请 ${Math.ceil(limit.retryAfterSeconds / 60)} 分钟后再试。`,
      );
    const files = form.getAll("files").filter((f): f is File => f instanceof File);
    const r = await submitTipoff(
      { db: await getDb(), meta, today: today() },
      input,
      await checkCaseFiles(files),
    );
    if (r.kind === "new")
      return {
        ok: true,
        message: "举报已提交。",
        data: { caseNo: r.caseNo, secret: r.secret, answerDueOn: r.answerDueOn },
      };
    return {
      ok: true,
      message: `该举报已提交（案号 ${r.caseNo}），请勿重复提交。`,
      data: { caseNo: r.caseNo },
    };
  });
}

const tracking = z.object({
  caseNo: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^JB\d{14}$/, "案号为 JB 加 14 位数字，如 JB20261205000001"),
  secret: z
    .string()
    .trim()
    .transform(normalizeActivationCode)
    .pipe(z.string().regex(/^[0-9A-Z]{12}$/, "查询码为 12 位字母和数字，如 7K3M-Q9TX-4HNP")),
});
const lookups = createLimiter("tipoff-lookups");

/** The reporter reads the answer by number and secret, by POST; an unknown number and a wrong secret read alike. */
export async function trackTipoffAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return publicStep(tracking, form, ["secret"], async (input) => {
    const meta = await requestMeta();
    if (!lookups(meta.ip, 20).allowed) throw new AppError("invalid", "查询过于频繁，请一分钟后再试。");
    const found = await trackTipoff(await getDb(), input.caseNo, hashTrackingSecret(input.secret), today());
    if (!found) throw new AppError("not_found", NO_SUCH_TIPOFF);
    return { ok: true, message: `案号 ${found.caseNo}`, data: { tracking: found } };
  });
}
