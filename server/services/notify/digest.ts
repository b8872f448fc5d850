import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { userRoles, users } from "@/db/schema";
import type { IsoDate } from "@/lib/calendar/dates";
import { message } from "@/lib/notify/templates";
import { standing } from "@/lib/workflows/deadlines";
import { CASE_KIND } from "@/lib/workflows/kinds";
import { getCalendar } from "../../calendar";
import { casesDueBy } from "../../queries/cases";
import { tellUsers } from "./outbox";

/** A case is in the digest from two working days before its deadline (issue 22 §4). */
export const DIGEST_WORKING_DAYS = 2;

/**
 * Issue 22 §4: one message a day per reviewer listing the cases of their department due within two working days
 * (or overdue), not a message per case. Idempotent: a second run the same day adds nothing (the dedupe key names
 * the day). Returns how many messages were written.
 */
export async function queueDeadlineDigests(db: Db, { today }: { today: IsoDate }): Promise<number> {
  const cal = await getCalendar(db);
  const due = await casesDueBy({ dueBy: cal.addWorkingDays(today, DIGEST_WORKING_DAYS) });
  if (due.length === 0) return 0;
  const depts = [...new Set(due.map((c) => c.deptId))];
  const reviewers = await db
    .select({ id: users.id, deptId: users.departmentId })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, "reviewer")))
    .where(and(inArray(users.departmentId, depts), eq(users.status, "active")));
  let told = 0;
  await db.transaction(async (tx) => {
    for (const r of reviewers) {
      const mine = due.filter((c) => c.deptId === r.deptId);
      if (mine.length === 0) continue;
      const lines = mine.map((c) => {
        const s = standing(cal, c.due, today);
        const left = s.overdue
          ? "已逾期"
          : s.workingDaysLeft === 0
            ? "今日到期"
            : `剩 ${s.workingDaysLeft} 个工作日`;
        return `· ${CASE_KIND[c.kind].title} ${c.title}：时限 ${c.due}（${left}）`;
      });
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
