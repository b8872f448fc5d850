import "server-only";
import { and, count, eq } from "drizzle-orm";
import { subjects, watchlist } from "@/db/schema";
import { auditBy } from "../audit";
import type { ServiceContext } from "../context";
import { AppError } from "../errors";

export const WATCHLIST_MAX = 100;

/** Issue 13 §6: a business account follows an organisation (by its USCC); persons cannot be followed. */
export async function watchSubject({ db, actor, meta, today }: ServiceContext, input: { uscc: string }) {
  return db.transaction(async (tx) => {
    const [s] = await tx
      .select({ id: subjects.id, name: subjects.name, kind: subjects.kind })
      .from(subjects)
      .where(eq(subjects.uscc, input.uscc));
    if (!s) throw new AppError("not_found", "没有这个统一社会信用代码的主体。");
    if (s.kind === "natural_person") throw new AppError("invalid", "自然人不能被关注。");
    if (s.id === actor.subjectId)
      throw new AppError("invalid", "本单位的信用信息在“我的信用”中查看，无需关注。");
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(watchlist)
      .where(eq(watchlist.userId, actor.id));
    if (Number(n) >= WATCHLIST_MAX)
      throw new AppError("invalid", `最多关注 ${WATCHLIST_MAX} 个主体，请先取消一些。`);
    const added = await tx
      .insert(watchlist)
      .values({ userId: actor.id, subjectId: s.id, addedOn: today })
      .onConflictDoNothing()
      .returning({ subjectId: watchlist.subjectId });
    if (added.length === 0) throw new AppError("conflict", `已经在关注“${s.name}”。`);
    await auditBy(
      tx,
      { actor, meta },
      {
        action: "watchlist.add",
        entityType: "subject",
        entityId: String(s.id),
      },
    );
    return { name: s.name };
  });
}

export async function unwatchSubject({ db, actor, meta }: ServiceContext, input: { subjectId: number }) {
  await db.transaction(async (tx) => {
    const gone = await tx
      .delete(watchlist)
      .where(and(eq(watchlist.userId, actor.id), eq(watchlist.subjectId, input.subjectId)))
      .returning({ subjectId: watchlist.subjectId });
    if (gone.length === 0) throw new AppError("not_found", "没有关注这个主体。");
    await auditBy(
      tx,
      { actor, meta },
      {
        action: "watchlist.remove",
        entityType: "subject",
        entityId: String(input.subjectId),
      },
    );
  });
}
