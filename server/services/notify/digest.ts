import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { userRoles, users } from "@/db/schema";
import type { IsoDate } from "@/lib/calendar/dates";
import { message } from "@/lib/notify/templates";
import { standing, standingText } from "@/lib/workflows/deadlines";
import { CASE_KIND } from "@/lib/workflows/kinds";
import { getCalendar } from "../../calendar";
import { casesDueBy } from "../../queries/cases";
import { checksAwaitingFeedback } from "../../queries/joint-checks";
import { tellUsers } from "./outbox";

/** A case is in the digest from two working days before its deadline (issue 22 §4). */
export const DIGEST_WORKING_DAYS = 2;

/** The active reviewers of the departments these items belong to. */
const reviewersOf = (db: Db, items: readonly { deptId: number }[]) =>
  db
    .select({ id: users.id, deptId: users.departmentId })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, "reviewer")))
    .where(
      and(inArray(users.departmentId, [...new Set(items.map((c) => c.deptId))]), eq(users.status, "active")),
    );

/**
 * Issue 22 §4: one message a day per reviewer listing the cases of their department due within two working days
 * (or overdue), not a message per case. Idempotent: a second run the same day adds nothing (the dedupe key names
 * the day). Returns how many messages were written.
 */
export async function queueDeadlineDigests(db: Db, { today }: { today: IsoDate }): Promise<number> {
  const cal = await getCalendar(db);
  const due = await casesDueBy({ dueBy: cal.addWorkingDays(today, DIGEST_WORKING_DAYS) });
  if (due.length === 0) return 0;
  const reviewers = await reviewersOf(db, due);
  let told = 0;
  await db.transaction(async (tx) => {
    for (const r of reviewers) {
      const mine = due.filter((c) => c.deptId === r.deptId);
      if (mine.length === 0) continue;
      const lines = mine.map(
        (c) =>
          `· ${CASE_KIND[c.kind].title} ${c.title}：时限 ${c.due}（${standingText(standing(cal, c.due, today))}）`,
      );
      told += await tellUsers(tx, {
        userIds: [r.id],
        event: `digest:${today}`,
        message: message("deadline_digest", {
          count: mine.length,
          day: today,
          lines: lines.join("\n"),
          caseNo: mine[0]?.title ?? "",
        }),
        href: "/admin",
      });
    }
  });
  return told;
}

/**
 * Issue 23 §1: the 成效反馈 of a check that hit a measure is due in 10 working days. From two working days before,
 * the officer who checked (or, for a system's check, the department's reviewers) is reminded once a day.
 */
export async function queueCheckFeedbackReminders(db: Db, { today }: { today: IsoDate }): Promise<number> {
  const cal = await getCalendar(db);
  const due = await checksAwaitingFeedback({ dueBy: cal.addWorkingDays(today, DIGEST_WORKING_DAYS) });
  if (due.length === 0) return 0;
  const reviewers = await reviewersOf(db, due);
  const byUser = new Map<number, typeof due>();
  for (const c of due)
    for (const id of c.userId !== null
      ? [c.userId]
      : reviewers.filter((r) => r.deptId === c.deptId).map((r) => r.id))
      byUser.set(id, [...(byUser.get(id) ?? []), c]);
  let told = 0;
  await db.transaction(async (tx) => {
    for (const [userId, mine] of byUser) {
      const lines = mine.map(
        (c) =>
          `· ${c.checkNo}（${c.subject}）：反馈期限 ${c.due}（${standingText(standing(cal, c.due, today))}）`,
      );
      told += await tellUsers(tx, {
        userIds: [userId],
        event: `check-feedback:${today}`,
        message: message("check_feedback_due", {
          count: mine.length,
          day: today,
          lines: lines.join("\n"),
          caseNo: mine[0]?.checkNo ?? "",
        }),
        href: "/admin/platform/checks",
      });
    }
  });
  return told;
}
