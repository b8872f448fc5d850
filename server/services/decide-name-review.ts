import "server-only";
import { and, eq } from "drizzle-orm";
import { subjectNameReviews, subjects } from "@/db/schema";
import { transition } from "@/lib/workflows/machine";
import { type NameReviewEvent, nameReviewMachine } from "@/lib/workflows/name-review";
import { logAudit } from "../audit";
import type { ServiceContext } from "../context";
import { AppError } from "../errors";

/**
 * A reviewer of the department that raised a name conflict settles it (the workflow shape of README
 * "Workflows"): load → the machine decides → write the change and its audit row in one transaction, only if
 * the state is still the one read (someone else may have acted first).
 */
export async function decideNameReview(
  { db, actor, meta }: ServiceContext,
  { id, event, now = new Date() }: { id: number; event: NameReviewEvent; now?: Date },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [review] = await tx.select().from(subjectNameReviews).where(eq(subjectNameReviews.id, id));
    // another department's review is answered as if it did not exist (issue 9 §4), like a record out of scope
    if (!review || review.departmentId === null || review.departmentId !== actor.departmentId)
      throw new AppError("not_found", "该核对事项不存在，或不在您的管辖范围内。");
    const t = transition(nameReviewMachine, { ...review, state: review.status }, event, actor, now);
    if (!t.ok) throw new AppError(t.code === "state" ? "conflict" : "forbidden", t.refused);
    const moved = await tx
      .update(subjectNameReviews)
      .set({ status: t.next, decidedBy: actor.id })
      .where(and(eq(subjectNameReviews.id, id), eq(subjectNameReviews.status, t.from)))
      .returning({ id: subjectNameReviews.id });
    if (moved.length === 0) throw new AppError("conflict", "该核对事项刚被他人处理，请刷新后查看。");
    // the one effect of the rename event: the subject takes the name the record gave it
    if (event === "rename")
      await tx.update(subjects).set({ name: review.proposedName }).where(eq(subjects.id, review.subjectId));
    await logAudit(tx, {
      action: "subject.name_review",
      actorId: actor.id,
      actorName: actor.username,
      entityType: "subject",
      entityId: String(review.subjectId),
      before: { name: review.currentName, state: t.from },
      after: {
        name: event === "rename" ? review.proposedName : review.currentName,
        state: t.next,
        reviewId: id,
      },
      ...meta,
    });
  });
}
