import "server-only";
import { eq } from "drizzle-orm";
import { interviews, subjects } from "@/db/schema";
import { inRegionScope, supervisionScope } from "@/lib/access/scope";
import { auditBy } from "../../audit";
import type { ServiceContext } from "../../context";
import { AppError } from "../../errors";
import { supervisorDepartment } from "./ratios";

export type InterviewInput = {
  subjectId: number;
  kind: "prompt" | "warning";
  heldOn: string;
  matter: string;
  outcome?: string;
  rectifyBy?: string;
};

/** Issue 12 §5, DOMAIN §9: a 提示约谈 / 警示约谈 held by the supervisor's department, kept on the subject's record. */
export async function recordInterview({ db, actor, meta, today }: ServiceContext, input: InterviewInput) {
  const deptId = supervisorDepartment(actor);
  if (input.heldOn > today) throw new AppError("invalid", "约谈日期不能晚于今天。");
  if (input.rectifyBy && input.rectifyBy < input.heldOn)
    throw new AppError("invalid", "整改期限不能早于约谈日期。");
  return db.transaction(async (tx) => {
    const [s] = await tx
      .select({ kind: subjects.kind, regionCode: subjects.regionCode })
      .from(subjects)
      .where(eq(subjects.id, input.subjectId));
    // a subject outside the supervisor's region is answered as one that does not exist (issue 20 N3)
    const scope = supervisionScope(actor);
    if (!s || !scope || !inRegionScope(scope, s.regionCode))
      throw new AppError("not_found", "没有这个主体，或该主体不在您所在地区的监管范围内。");
    const [row] = await tx
      .insert(interviews)
      .values({
        subjectId: input.subjectId,
        deptId,
        kind: input.kind,
        heldOn: input.heldOn,
        matter: input.matter,
        outcome: input.outcome || null,
        rectifyBy: input.rectifyBy || null,
        createdBy: actor.id,
      })
      .returning({ id: interviews.id });
    if (!row) throw new Error("interview not stored");
    await auditBy(
      tx,
      { actor, meta },
      {
        action: "interview.record",
        entityType: "subject",
        entityId: String(input.subjectId),
        after: { interviewId: row.id, deptId, ...input },
      },
    );
    return row;
  });
}
