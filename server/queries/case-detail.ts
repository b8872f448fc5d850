import "server-only";
import { and, asc, eq, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  caseEvents,
  caseFiles,
  commitments,
  departments,
  listEntries,
  notices,
  objections,
  regions,
  repairCases,
  selfReports,
  subjects,
  tipoffs,
  users,
} from "@/db/schema";
import { inRecordScope, type ScopeUser } from "@/lib/access/scope";
import { chinaDate, type IsoDate } from "@/lib/calendar/dates";
import type { ServiceMethod } from "@/lib/notify/service";
import { CORRECTABLE, type CorrectableField } from "@/lib/records/correction";
import { COMMITMENT_TYPE_LABELS } from "@/lib/records/labels";
import { CASE_PREFIX, caseNumber } from "@/lib/workflows/case-number";
import { commitmentState } from "@/lib/workflows/commitment";
import { type DeadlineStanding, standing } from "@/lib/workflows/deadlines";
import { CASE_KIND, type CaseKind } from "@/lib/workflows/kinds";
import { availableEvents, type EventOption } from "@/lib/workflows/machine";
import type { ObjectionTarget } from "@/lib/workflows/objection";
import { SELF_REPORT_CATEGORY_LABELS } from "@/lib/workflows/self-report";
import { getCalendar } from "../calendar";
import { getDb } from "../db";
import { loadObjectionRecord } from "./objections";

/** A case's files as its page lists them (name, type and size, never the bytes), oldest first. */
export const filesOfCase = (db: Db, of: SQL) =>
  db
    .select({
      id: caseFiles.id,
      fileName: caseFiles.fileName,
      mimeType: caseFiles.mimeType,
      sizeBytes: caseFiles.sizeBytes,
    })
    .from(caseFiles)
    .where(of)
    .orderBy(asc(caseFiles.id));

export type CaseViewer = ScopeUser & { id: number; subjectId: number | null };

export type CaseDetail = {
  kind: CaseKind;
  id: number;
  caseNo: string;
  title: string;
  state: string;
  stateLabel: string;
  final: boolean;
  subject: { id: number; name: string; uscc: string | null; region: string | null };
  dept: string;
  deptId: number;
  submittedOn: string | null;
  due: DeadlineStanding | null;
  /** label and value; a null value is left out */
  fields: [string, string | null][];
  /** the signed or generated text: the commitment, the 信用修复申请书, the self-report's description */
  text: string | null;
  files: { id: number; fileName: string; mimeType: string; sizeBytes: number }[];
  history: { at: Date; from: string | null; to: string; toLabel: string; by: string; note: string | null }[];
  /** for a repair: who entered the record (the reviewer who is that person may not decide it) */
  recordEnteredBy: number | null;
  target: { type: string; id: number } | null;
  /** the steps the machine offers this viewer now: buttons, or the machine's reason why not (issue 21 §2) */
  events: EventOption<string>[];
  /** an objection: the fields 更正 may change, with the record's current values to edit */
  correctable?: (CorrectableField & { value: string })[];
  /** issue 22 §3: a repair decision's or an objection outcome's notice and its service, once decided */
  notice: {
    servedOn: string | null;
    servedAt: Date | null;
    method: ServiceMethod | null;
    note: string | null;
  } | null;
};

/**
 * One case with its full history (issue 11 §5), for the business that owns it or a regulator whose scope covers
 * its department; anyone else gets null, which the page answers as not found.
 */
export async function getCaseDetail({
  viewer,
  kind,
  id,
  today,
}: {
  viewer: CaseViewer;
  kind: CaseKind;
  id: number;
  today: IsoDate;
}): Promise<CaseDetail | null> {
  const db = await getDb();
  const base = await loadBase(kind, id, today);
  if (!base) return null;
  const business = viewer.roles.includes("business");
  const spec = CASE_KIND[kind];
  // a case anyone files names its filer and their contact: the company it is about never opens it
  if (business && spec.filer.by === "public") return null;
  if (
    business
      ? viewer.subjectId !== base.subjectId
      : !inRecordScope(viewer, { sourceDeptId: base.deptId, deptRegion: base.deptRegion })
  )
    return null;
  const [subject] = await db
    .select({ id: subjects.id, name: subjects.name, uscc: subjects.uscc, region: regions.name })
    .from(subjects)
    .leftJoin(regions, eq(regions.code, subjects.regionCode))
    .where(eq(subjects.id, base.subjectId));
  const ref = caseEvents[spec.historyKey];
  const fileRef = spec.fileKey ? caseFiles[spec.fileKey] : null;
  const [events, files, cal, [notice]] = await Promise.all([
    db
      .select({ e: caseEvents, name: users.displayName, isBusiness: users.subjectId })
      .from(caseEvents)
      .leftJoin(users, eq(users.id, caseEvents.actorId))
      .where(eq(ref, id))
      .orderBy(asc(caseEvents.id)),
    fileRef === null ? Promise.resolve([]) : filesOfCase(db, eq(fileRef, id)),
    getCalendar(db),
    db
      .select({
        servedOn: notices.servedOn,
        servedAt: notices.servedAt,
        method: notices.serviceMethod,
        note: notices.serviceNote,
      })
      .from(notices)
      .where(and(eq(notices.caseType, kind), eq(notices.caseId, id))),
  ]);
  const labels = { ...base.labels, joined: "补充异议" } as Record<string, string>;
  return {
    ...base,
    kind,
    id,
    subject: subject ?? { id: base.subjectId, name: "", uscc: null, region: null },
    stateLabel: labels[base.state] ?? base.state,
    events: business
      ? []
      : availableEvents(
          spec.machine,
          { state: base.state, deptId: base.deptId, recordEnteredBy: base.recordEnteredBy },
          viewer,
          new Date(),
        ),
    due: base.dueOn ? standing(cal, base.dueOn, today) : null,
    notice: notice ?? null,
    files,
    history: events.map(({ e, name, isBusiness }) => ({
      at: e.at,
      from: e.fromStatus,
      to: e.toStatus,
      toLabel: labels[e.toStatus] ?? e.toStatus,
      // a business reads the department, not the officer's name; the console reads the name
      by:
        isBusiness !== null
          ? "申请人"
          : business
            ? base.dept
            : (name ?? (spec.filer.by === "public" && e.actorId === null ? spec.filer.label : "系统")),
      note: e.note,
    })),
  };
}

const DEPT = { dept: departments.name, deptRegion: departments.regionCode };

/** What every kind's case shows alike: its subject, department, state as its registered machine names it. */
function common(
  kind: CaseKind,
  r: {
    dept: string;
    deptRegion: string;
    c: { subjectId: number; deptId: number; submittedOn: string | null };
  },
  state: string,
) {
  const { machine } = CASE_KIND[kind];
  return {
    subjectId: r.c.subjectId,
    deptId: r.c.deptId,
    dept: r.dept,
    deptRegion: r.deptRegion,
    state,
    final: machine.final.includes(state),
    labels: machine.labels,
    submittedOn: r.c.submittedOn,
  };
}

async function loadBase(kind: CaseKind, id: number, today: IsoDate) {
  const db = await getDb();
  if (kind === "objections") {
    const [r] = await db
      .select({ c: objections, ...DEPT })
      .from(objections)
      .innerJoin(departments, eq(departments.id, objections.deptId))
      .where(eq(objections.id, id));
    if (!r) return null;
    const c = r.c;
    const target = c.targetType as ObjectionTarget;
    const record = await loadObjectionRecord(db, target, c.targetId, today);
    const open = c.status === "submitted" || c.status === "verifying";
    return {
      ...common(kind, r, c.status),
      caseNo: c.caseNo,
      title: `对${record?.label ?? "信用记录"}的异议`,
      dueOn: open ? c.answerDueOn : null,
      fields: [
        ["异议人", c.objectorName],
        ["联系方式", c.contact],
        ["答复时限", `${c.answerDueOn} 前`],
        ["开始核实", c.verifyingOn],
        ["办结日期", c.closedOn],
        ["更正内容", c.correction],
        ["理由", c.outcomeReason],
      ] as [string, string | null][],
      text: c.reason,
      recordEnteredBy: c.recordEnteredBy,
      target: { type: c.targetType, id: c.targetId },
      correctable: CORRECTABLE[target].map((f) => {
        const v = record?.values[f.name];
        return { ...f, value: v === null || v === undefined ? "" : String(v) };
      }),
    };
  }
  if (kind === "tipoffs") {
    const [r] = await db
      .select({ c: tipoffs, ...DEPT })
      .from(tipoffs)
      .innerJoin(departments, eq(departments.id, tipoffs.deptId))
      .where(eq(tipoffs.id, id));
    if (!r) return null;
    const c = r.c;
    return {
      ...common(kind, r, c.status),
      caseNo: c.caseNo,
      title: "失信举报",
      dueOn: c.status === "submitted" || c.status === "accepted" ? c.answerDueOn : null,
      fields: [
        ["举报人", c.reporterName],
        ["联系方式", c.contact],
        ["答复时限", `${c.answerDueOn} 前`],
        ["受理日期", c.acceptedOn],
        ["办结日期", c.closedOn],
        ["办理意见", c.outcomeReason],
      ] as [string, string | null][],
      text: c.content,
      recordEnteredBy: null,
      target: null,
    };
  }
  if (kind === "repairs") {
    const [r] = await db
      .select({ c: repairCases, ...DEPT })
      .from(repairCases)
      .innerJoin(departments, eq(departments.id, repairCases.deptId))
      .where(eq(repairCases.id, id));
    if (!r) return null;
    const c = r.c;
    const targetLabel = {
      penalty: "行政处罚",
      commitment: "违诺",
      list_entry: "名单",
      licence: "行政许可",
      admin_act: "其他行政行为",
    }[c.targetType];
    return {
      ...common(kind, r, c.status),
      caseNo: c.caseNo,
      title: `信用修复申请（${targetLabel}）`,
      dueOn: c.status === "submitted" ? c.acceptDueOn : c.status === "accepted" ? c.decideDueOn : null,
      fields: [
        ["受理时限", `${c.acceptDueOn} 前`],
        ["受理日期", c.acceptedOn],
        ["办结时限", c.decideDueOn ? `${c.decideDueOn} 前` : null],
        ["办结日期", c.decidedOn],
        ["理由", c.decisionReason],
      ] as [string, string | null][],
      text: c.applicationText,
      recordEnteredBy: c.recordEnteredBy,
      target: { type: c.targetType, id: c.targetId },
    };
  }
  if (kind === "commitments") {
    const [r] = await db
      .select({ c: commitments, ...DEPT })
      .from(commitments)
      .innerJoin(departments, eq(departments.id, commitments.deptId))
      .where(eq(commitments.id, id));
    if (!r) return null;
    const c = r.c;
    const state = commitmentState(c);
    return {
      ...common(kind, r, state),
      caseNo: caseNumber(CASE_PREFIX.commitment, c.submittedOn ?? chinaDate(c.createdAt), c.id),
      title: c.title,
      dueOn: state === "submitted" ? c.reviewDueOn : null,
      fields: [
        ["承诺类型", COMMITMENT_TYPE_LABELS[c.type]],
        ["签署人", `${c.signerName}（${c.signedOn}）`],
        ["退回理由", c.returnReason],
        ["履约认定日期", c.fulfilledOn],
        ["违诺认定", c.breachFinding ? `${c.breachFinding}（${c.breachedOn}）` : null],
        ["违诺公示截止", c.breachPublicUntil],
        ["已修复", c.breachRepairedAt],
      ] as [string, string | null][],
      text: c.content,
      recordEnteredBy: null,
      target: null,
    };
  }
  const [r] = await db
    .select({ c: selfReports, ...DEPT })
    .from(selfReports)
    .innerJoin(departments, eq(departments.id, selfReports.deptId))
    .where(eq(selfReports.id, id));
  if (!r) return null;
  const c = r.c;
  return {
    ...common(kind, r, c.status),
    caseNo: c.caseNo,
    title: c.title,
    dueOn: c.status === "submitted" ? c.verifyDueOn : null,
    fields: [
      ["申报类别", SELF_REPORT_CATEGORY_LABELS[c.category]],
      ["颁发 / 认定单位", c.issuer],
      ["取得日期", c.occurredOn],
      ["真实性承诺签署人", c.pledgeSigner],
      ["核验日期", c.decidedOn],
      ["核验意见", c.decisionReason],
    ] as [string, string | null][],
    text: c.description,
    recordEnteredBy: null,
    target: null,
  };
}

/**
 * A stored material, only for the applicant and the reviewers of the department handling its case (issue 11
 * §4); null for anyone else, which the route answers as not found.
 */
export async function getCaseFileFor({ viewer, id }: { viewer: CaseViewer; id: number }) {
  const db = await getDb();
  const [f] = await db
    .select({
      f: caseFiles,
      repairSubject: repairCases.subjectId,
      repairDept: repairCases.deptId,
      reportSubject: selfReports.subjectId,
      reportDept: selfReports.deptId,
      objectionDept: objections.deptId,
      tipoffDept: tipoffs.deptId,
      listSubject: listEntries.subjectId,
      listDept: listEntries.deptId,
    })
    .from(caseFiles)
    .leftJoin(repairCases, eq(repairCases.id, caseFiles.repairCaseId))
    .leftJoin(selfReports, eq(selfReports.id, caseFiles.selfReportId))
    .leftJoin(objections, eq(objections.id, caseFiles.objectionId))
    .leftJoin(tipoffs, eq(tipoffs.id, caseFiles.tipoffId))
    .leftJoin(listEntries, eq(listEntries.id, caseFiles.listEntryId))
    .where(eq(caseFiles.id, id));
  if (!f) return null;
  // an objector's evidence is for the verifying department only, not for the company it is about
  const subjectId = f.repairSubject ?? f.reportSubject ?? f.listSubject;
  const deptId = f.repairDept ?? f.reportDept ?? f.objectionDept ?? f.tipoffDept ?? f.listDept;
  const mine =
    viewer.roles.includes("business") && viewer.subjectId !== null && viewer.subjectId === subjectId;
  const handles =
    viewer.roles.includes("reviewer") && viewer.departmentId !== null && viewer.departmentId === deptId;
  return mine || handles ? f.f : null;
}
