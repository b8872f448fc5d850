"use server";

import { z } from "zod";
import { normalizeActivationCode } from "@/lib/access/activation-code";
import { contactField, idField, submissionKeyField, textField } from "@/lib/web/fields";
import { OBJECTION_TARGETS } from "@/lib/workflows/objection";
import { type ActionState, publicStep } from "@/server/action";
import { requestMeta } from "@/server/auth/request-meta";
import { checkCaseFiles } from "@/server/case-files";
import { today } from "@/server/clock";
import { hashTrackingSecret } from "@/server/credentials/tracking-secret";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { createLimiter } from "@/server/limiter";
import { powProblem } from "@/server/pow";
import { trackObjection } from "@/server/queries/objections";
import { NO_SUCH_OBJECTION, submitObjection, supplementObjection } from "@/server/services/cases/objections";

/** Issue 14 §1: at most 10 objections per address per hour, on top of the proof-of-work. */
const OBJECTIONS_PER_HOUR = 10;
const perAddress = createLimiter("objections", 3_600_000);

const objection = z.object({
  targetType: z.enum(OBJECTION_TARGETS, { message: "异议所指的记录类别无效" }),
  targetId: idField("记录编号"),
  name: textField("姓名或单位名称", 64),
  contact: contactField(),
  reason: textField("异议理由", 2000, { min: 10, multiline: true }),
  submissionKey: submissionKeyField(),
  pow: z.string().max(20_000).optional(),
});

export async function submitObjectionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return publicStep(objection, form, ["pow"], async (input) => {
    const meta = await requestMeta();
    // the proof-of-work first (issue 20 N13): junk without one must not use up the address's quota
    const pow = await powProblem(input.pow);
    if (pow) throw new AppError("invalid", pow);
    const limit = perAddress(meta.ip, OBJECTIONS_PER_HOUR);
    if (!limit.allowed)
      throw new AppError(
        "invalid",
        `提交过于频繁：同一网络地址每小时最多提交 ${OBJECTIONS_PER_HOUR} 件异议，请 ${Math.ceil(limit.retryAfterSeconds / 60)} 分钟后再试。`,
      );
    const files = form.getAll("files").filter((f): f is File => f instanceof File);
    const r = await submitObjection(
      { db: await getDb(), meta, today: today() },
      input,
      await checkCaseFiles(files),
    );
    if (r.kind === "new")
      return {
        ok: true,
        message: "异议已提交。",
        data: { caseNo: r.caseNo, secret: r.secret, answerDueOn: r.answerDueOn },
      };
    return {
      ok: true,
      message: `该异议已提交（案号 ${r.caseNo}），请勿重复提交。`,
      data: { caseNo: r.caseNo },
    };
  });
}

const caseKey = {
  caseNo: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^YY\d{14}$/, "案号为 YY 加 14 位数字，如 YY20261202000001"),
  secret: z
    .string()
    .trim()
    .transform(normalizeActivationCode)
    .pipe(z.string().regex(/^[0-9A-Z]{12}$/, "查询码为 12 位字母和数字，如 7K3M-Q9TX-4HNP")),
};
const tracking = z.object(caseKey);
const lookups = createLimiter("objection-lookups");

/**
 * DOMAIN §8: the objector reads the case by number and secret. Answered by POST, so the secret stays out of
 * addresses and logs; an unknown number and a wrong secret get the same message; lookups are rate-limited.
 */
export async function trackObjectionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return publicStep(tracking, form, ["secret"], async (input) => {
    const meta = await requestMeta();
    if (!lookups(meta.ip, 20).allowed) throw new AppError("invalid", "查询过于频繁，请一分钟后再试。");
    const found = await trackObjection(input.caseNo, hashTrackingSecret(input.secret), today());
    if (!found) throw new AppError("not_found", NO_SUCH_OBJECTION);
    return { ok: true, message: `案号 ${found.caseNo}`, data: { tracking: found } };
  });
}

const supplement = z.object({ ...caseKey, text: textField("补充理由", 2000, { min: 10, multiline: true }) });

/**
 * Issue 20 N9: the objector adds reasons and evidence to their own open case, by its number and secret — never by
 * knowing the contact it was filed with. Lookups share the tracking page's limit.
 */
export async function supplementObjectionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return publicStep(supplement, form, ["secret"], async (input) => {
    const meta = await requestMeta();
    if (!lookups(meta.ip, 20).allowed) throw new AppError("invalid", "查询过于频繁，请一分钟后再试。");
    const files = form.getAll("files").filter((f): f is File => f instanceof File);
    const r = await supplementObjection(
      { db: await getDb(), meta },
      { caseNo: input.caseNo, secretHash: hashTrackingSecret(input.secret), text: input.text },
      await checkCaseFiles(files),
    );
    return { ok: true, message: `补充材料已并入案件 ${r.caseNo}，办理部门将一并核实。` };
  });
}
