import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { caseFiles, listEntries, notices, objections, repairCases } from "@/db/schema";
import type { IsoDate } from "@/lib/calendar/dates";
import {
  mayRecordService,
  type NoticeKind,
  type PaperMethod,
  paperServiceProblem,
  SERVICE_METHOD_LABEL,
} from "@/lib/notify/service";
import { type CheckedCaseFile, withCaseFiles } from "../../case-files";
import type { ServiceContext } from "../../context";
import { AppError } from "../../errors";
import { getPolicy } from "../../settings";
import { serveNotice } from "./notices";

export type NoticeCase = "list_entry" | "repairs" | "objections";

/** Each case that carries a notice: its notice's kind, the case's department and state, and its files' column. */
const CASES: Record<
  NoticeCase,
  {
    notice: NoticeKind;
    name: string;
    load: (tx: Tx, id: number) => Promise<{ deptId: number; open: boolean } | undefined>;
  }
> = {
  list_entry: {
    notice: "list_notice",
    name: "告知书",
    load: async (tx, id) => {
      const [r] = await tx
        .select({ deptId: listEntries.deptId, status: listEntries.status })
        .from(listEntries)
        .where(eq(listEntries.id, id))
        .for("update");
      // a decided listing is past its service: 陈述申辩 no longer runs
      return r && { deptId: r.deptId, open: r.status === "notified" };
    },
  },
  repairs: {
    notice: "repair_decision",
    name: "信用修复决定",
    load: async (tx, id) => {
      const [r] = await tx
        .select({ deptId: repairCases.deptId })
        .from(repairCases)
        .where(eq(repairCases.id, id))
        .for("update");
      return r && { deptId: r.deptId, open: true };
    },
  },
  objections: {
    notice: "objection_outcome",
    name: "异议处理结果",
    load: async (tx, id) => {
      const [r] = await tx
        .select({ deptId: objections.deptId })
        .from(objections)
        .where(eq(objections.id, id))
        .for("update");
      return r && { deptId: r.deptId, open: true };
    },
  },
};

const FILE_COLUMN = {
  list_entry: "listEntryId",
  repairs: "repairCaseId",
  objections: "objectionId",
} as const;

/**
 * Issue 22 §3: an officer of the case's department records a paper service of its notice (in person, by post, left
 * at the address) with the date and the scanned 送达回证. The first service is the service; a 告知's defence period
 * starts from its date.
 */
export async function recordPaperService(
  ctx: ServiceContext,
  input: { caseType: NoticeCase; caseId: number; method: PaperMethod; servedOn: IsoDate; note: string },
  files: CheckedCaseFile[],
): Promise<void> {
  const { db, actor, meta, today } = ctx;
  const spec = CASES[input.caseType];
  if (!actor.roles.some((r) => r === "operator" || r === "reviewer"))
    throw new AppError("forbidden", "只有办理部门的录入员或审核员可以登记送达。");
  if (files.length !== 1) throw new AppError("invalid", "请上传一份签收的送达回证扫描件（PDF 或图片）。");
  const { statementPeriodWorkingDays: days } = await getPolicy();
  await withCaseFiles(files, async (store) => {
    await db.transaction(async (tx) => {
      const c = await spec.load(tx, input.caseId);
      if (!c || !mayRecordService(actor, c.deptId))
        throw new AppError("not_found", "该事项不存在，或不在您的管辖范围内。");
      const [n] = await tx
        .select()
        .from(notices)
        .where(
          and(
            eq(notices.kind, spec.notice),
            eq(notices.caseType, input.caseType),
            eq(notices.caseId, input.caseId),
          ),
        );
      if (!n) throw new AppError("conflict", `该事项没有需要送达的${spec.name}。`);
      if (n.servedOn) throw new AppError("conflict", `${spec.name}已于 ${n.servedOn} 送达，无需再次登记。`);
      if (!c.open) throw new AppError("conflict", "该事项已作出决定，不再登记送达。");
      const problem = paperServiceProblem(input.servedOn, n.issuedOn, today);
      if (problem) throw new AppError("invalid", problem);
      const [stored] = await store();
      if (!stored) throw new Error("no stored scan");
      const [scan] = await tx
        .insert(caseFiles)
        .values({ ...stored, [FILE_COLUMN[input.caseType]]: input.caseId, kind: "service" })
        .returning({ id: caseFiles.id });
      await serveNotice(
        tx,
        { actor, meta },
        {
          noticeId: n.id,
          method: input.method,
          at: new Date(),
          on: input.servedOn,
          note: `${SERVICE_METHOD_LABEL[input.method]}，由 ${actor.displayName} 登记${input.note ? `：${input.note}` : "。"}`,
          scanFileId: scan?.id ?? null,
          days,
        },
      );
    });
    return { duplicate: false };
  });
}
