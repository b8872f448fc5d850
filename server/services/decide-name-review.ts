import "server-only";
import { and, eq } from "drizzle-orm";
import { subjectNameReviews, subjects } from "@/db/schema";
import { type NameReviewEvent, nameReviewMachine } from "@/lib/workflows/name-review";
import type { ServiceContext } from "../context";
import { AppError } from "../errors";
import { moveCase } from "./cases/case-step";

/**
 * A reviewer of the department that raised a name conflict settles it through the one moveCase (README
 * "Workflows"): the machine decides, the change and its audit row are written in one transaction, only if the
 * state is still the one read (someone else may have acted first).
 */
export async function decideNameReview(
  { db, actor, meta }: ServiceContext,
  { id, event }: { id: number; event: NameReviewEvent },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [review] = await tx.select().from(subjectNameReviews).where(eq(subjectNameReviews.id, id));
    // another department's review is answered as if it did not exist (issue 9 §4), like a record out of scope
    if (!review || review.departmentId === null || review.departmentId !== actor.departmentId)
      throw new AppError("not_found", "该核对事项不存在，或不在您的管辖范围内。");
    await moveCase(
      tx,
      { actor, meta },
      {
        machine: nameReviewMachine,
        current: { ...review, state: review.status },
        event,
        write: async (t) => {
          const moved = await tx
            .update(subjectNameReviews)
            .set({ status: t.next, decidedBy: actor.id })
            .where(and(eq(subjectNameReviews.id, id), eq(subjectNameReviews.status, t.from)))
            .returning({ id: subjectNameReviews.id });
          // the one effect of the rename event: the subject takes the name the record gave it
          if (moved.length > 0 && event === "rename")
            await tx
              .update(subjects)
              .set({ name: review.proposedName })
              .where(eq(subjects.id, review.subjectId));
          return moved.length > 0;
        },
        step: (t) => ({
          ref: { nameReviewId: id },
          action: "subject.name_review",
          entityType: "subject",
          entityId: String(review.subjectId),
          before: { name: review.currentName, state: t.from },
          after: {
            name: event === "rename" ? review.proposedName : review.currentName,
            state: t.next,
            reviewId: id,
          },
        }),
      },
    );
  });
}
