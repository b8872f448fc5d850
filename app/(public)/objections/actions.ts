"use server";

import { z } from "zod";
import { caseKeyFields, contactField, idField, submissionKeyField, textField } from "@/lib/web/fields";
import { OBJECTION_TARGETS } from "@/lib/workflows/objection";
import { type ActionState, publicStep } from "@/server/action";
import { checkCaseFiles } from "@/server/case-files";
import { today } from "@/server/clock";
import { hashTrackingSecret } from "@/server/credentials/tracking-secret";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { admitLookup, filePublicCase } from "@/server/http/public-filing";
import { trackObjection } from "@/server/queries/objections";
import { NO_SUCH_OBJECTION, submitObjection, supplementObjection } from "@/server/services/cases/objections";

/** Issue 14 §1: at most 10 objections per address per hour, on top of the proof-of-work (admitPublicFiling). */

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
  return publicStep(objection, form, ["pow"], (input) =>
    filePublicCase(form, { pow: input.pow, kind: "objections", noun: "异议" }, (c, files) =>
      submitObjection(c, input, files),
    ),
  );
}

const caseKey = caseKeyFields("YY");
const tracking = z.object(caseKey);

/**
 * DOMAIN §8: the objector reads the case by number and secret. Answered by POST, so the secret stays out of
 * addresses and logs; an unknown number and a wrong secret get the same message; lookups are rate-limited.
 */
export async function trackObjectionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return publicStep(tracking, form, ["secret"], async (input) => {
    await admitLookup("objection-lookups");
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
    const meta = await admitLookup("objection-lookups");
    const files = form.getAll("files").filter((f): f is File => f instanceof File);
    const r = await supplementObjection(
      { db: await getDb(), meta },
      { caseNo: input.caseNo, secretHash: hashTrackingSecret(input.secret), text: input.text },
      await checkCaseFiles(files),
    );
    return { ok: true, message: `补充材料已并入案件 ${r.caseNo}，办理部门将一并核实。` };
  });
}
