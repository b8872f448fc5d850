"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { choiceField, idField, opinionField, textField, usccField } from "@/lib/web/fields";
import { citedDecisionNos, REMOVAL_REASONS } from "@/lib/workflows/list-decision";
import { action } from "@/server/action";
import { decideListing, proposeListing } from "@/server/services/cases/list-decisions";

/** An operator proposes a listing (DOMAIN §5); for a negative list the 告知 is recorded at once. */
export const proposeListingAction = action(
  z.object({
    uscc: usccField(),
    listId: choiceField("名单"),
    facts: textField("失信行为 / 守信事实", 4000, { min: 10, multiline: true }),
    basis: textField("认定依据", 2000, { min: 4, multiline: true }),
    basisRecords: z.string().max(2000, "决定书文号过长").optional(),
    // empty: the list kind's default from the settings
    validityMonths: z.preprocess(
      (v) => (v === "" || v === undefined ? undefined : v),
      z.coerce
        .number({ message: "有效期应为整月数" })
        .int("有效期应为整月数")
        .min(1, "有效期至少 1 个月")
        .max(120, "有效期最长 120 个月")
        .optional(),
    ),
    bannedField: z.string().trim().max(128, "禁入领域不能超过 128 个字").optional(),
  }),
  { roles: ["operator"], echo: true },
  async (input, ctx) => {
    const r = await proposeListing(ctx, { ...input, basisDecisionNos: citedDecisionNos(input.basisRecords) });
    redirect(`/admin/lists/${r.id}`);
  },
);

const note = opinionField();

/** 认定并公布 / 不予认定 / 移出, by a reviewer of the department who did not propose it. */
export const decideListingAction = action(
  z.object({
    id: idField(),
    expected: z.string().max(32),
    event: z.enum(["publish", "drop", "remove"], { message: "请选择处理结果" }),
    decisionNo: z.string().trim().max(128, "文号不能超过 128 个字").optional(),
    reason: z.enum(REMOVAL_REASONS, { message: "请选择移出原因" }).optional(),
    note,
  }),
  { roles: ["reviewer"], echo: true },
  async (input, ctx) => {
    await decideListing(ctx, input);
    revalidatePath(`/admin/lists/${input.id}`);
    const done = {
      publish: "已认定并公布，该名单信息已在网站公示。",
      drop: "已作出不予认定的决定。",
      remove: "已移出名单，该信息不再在网站公示。",
    } as const;
    return { ok: true, message: done[input.event] };
  },
);
