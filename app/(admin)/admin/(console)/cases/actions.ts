"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { CORRECTABLE } from "@/lib/records/correction";
import { idField, opinionField } from "@/lib/web/fields";
import { CASE_KIND } from "@/lib/workflows/kinds";
import { personEvents } from "@/lib/workflows/machine";
import { objectionMachine } from "@/lib/workflows/objection";
import { action } from "@/server/action";
import { decideObjection } from "@/server/services/cases/objections";
import { DECIDE } from "@/server/services/cases/registry";

const note = opinionField();
const expected = z.string().max(32);
/** the events a person may fire on the kind's machine: the machine, not this file, lists them */
const eventOf = <E extends string>(m: { events: Record<E, { who: unknown }> }) =>
  z.enum(personEvents(m), { message: "请选择处理结果" });

/**
 * One action for the reviewer's queues (objections aside): the kind names its registered machine and use case
 * (lib/workflows/kinds, server/services/cases/registry); an event its machine does not know is refused here, one it
 * knows but does not allow now is refused by the machine in the use case.
 */
export const decideCaseAction = action(
  z
    .object({
      kind: z.enum(Object.keys(DECIDE) as [keyof typeof DECIDE], { message: "办件类别无效" }),
      id: idField(),
      expected,
      note,
      event: z.string().max(32),
    })
    .refine((v) => personEvents(CASE_KIND[v.kind].machine).includes(v.event), {
      path: ["event"],
      message: "请选择处理结果",
    }),
  { roles: ["reviewer"], echo: true },
  async (input, ctx) => {
    await DECIDE[input.kind](ctx, input);
    revalidatePath(`/admin/cases/${input.kind}/${input.id}`);
    return { ok: true, message: "已办理，办理结果已通知申请人。" };
  },
);

const FIX_NAMES = [...new Set(Object.values(CORRECTABLE).flatMap((fs) => fs.map((f) => f.name)))];

/** The reviewer's steps on an objection (DOMAIN §8); 更正 carries the corrected values as fix.<field>. */
export const decideObjectionAction = action(
  z.object({
    id: idField(),
    expected: z.string().max(32),
    event: eventOf(objectionMachine),
    note,
    ...Object.fromEntries(FIX_NAMES.map((n) => [`fix.${n}`, z.string().max(4000, "内容过长").optional()])),
  }),
  { roles: ["reviewer"], echo: true },
  async (input, ctx) => {
    const correction: Record<string, string | undefined> = {};
    for (const n of FIX_NAMES)
      correction[n] = (input as Record<string, unknown>)[`fix.${n}`] as string | undefined;
    await decideObjection(ctx, { ...input, correction });
    revalidatePath(`/admin/cases/objections/${input.id}`);
    return { ok: true, message: "已办理，异议人可凭案号和查询码查看结果。" };
  },
);
