import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { subjectNameReviews, subjects } from "@/db/schema";
import { logAudit } from "../audit";
import type { CurrentUser } from "../auth/guard";
import type { RequestMeta } from "../auth/request-meta";
import { AppError } from "../errors";

/**
 * A reviewer of the department that raised a name conflict settles it: rename the subject to the proposed
 * name, or keep the registered one.
 */
export async function decideNameReview(
  db: Db,
  {
    id,
    decision,
    user,
    meta,
  }: { id: number; decision: "renamed" | "kept"; user: CurrentUser; meta: RequestMeta },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [review] = await tx
      .select()
      .from(subjectNameReviews)
      .where(eq(subjectNameReviews.id, id))
      .for("update");
    // another department's review is answered as if it did not exist (issue 9 §4), like a record out of scope
    if (!review || review.departmentId === null || review.departmentId !== user.departmentId)
      throw new AppError("not_found", "该核对事项不存在，或不在您的管辖范围内。");
    if (review.status !== "pending") throw new AppError("conflict", "该核对事项已处理。");
    await tx
      .update(subjectNameReviews)
      .set({ status: decision, decidedBy: user.id })
      .where(eq(subjectNameReviews.id, id));
    if (decision === "renamed") {
      await tx.update(subjects).set({ name: review.proposedName }).where(eq(subjects.id, review.subjectId));
    }
    await logAudit(tx, {
      action: "subject.name_review",
      actorId: user.id,
      actorName: user.username,
      entityType: "subject",
      entityId: String(review.subjectId),
      before: { name: review.currentName },
      after: {
        name: decision === "renamed" ? review.proposedName : review.currentName,
        decision,
        reviewId: id,
      },
      ...meta,
    });
  });
}
