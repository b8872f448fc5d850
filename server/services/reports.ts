import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gte, isNotNull, ne, not, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { creditLists, creditReports, listEntries, penalties, subjects } from "@/db/schema";
import { canonicalJson } from "@/lib/access/audit-chain";
import type { IsoDate } from "@/lib/calendar/dates";
import { type PrivateRecord, reportDocument } from "@/lib/reports/report-document";
import { codeFromBytes, formatCode, reportNoOf } from "@/lib/reports/report-no";
import type { SubjectCode } from "@/lib/subjects/subject-code";
import { formatTimeZh } from "@/lib/web/format";
import { config } from "../config";
import type { ServiceContext } from "../context";
import { AppError } from "../errors";
import { getSubjectProfileAndId } from "../queries/profile";
import { listEntryIsPublic, penaltyIsPublic } from "../queries/publicity";
import { renderReportPdf } from "../reports/render-pdf";

const sha256 = (b: Buffer | string) => createHash("sha256").update(b).digest("hex");

export type IssuedReport = {
  reportNo: string;
  code: string;
  pdf: Buffer;
  sha256: string;
  subjectName: string;
};

/**
 * DOMAIN §10: a PDF of everything public about an organisation at this moment, numbered, with a code and a QR code
 * to the verify page; kept as number + code hash + SHA-256 + the snapshot it was made from. `own` (the subject's
 * own account) adds its unpublished records in a separate section. Natural persons get no report: their profile
 * is masked, and a masked profile is not a report (issue 13).
 */
export async function issueReport(
  db: Db,
  input: {
    code: Exclude<SubjectCode, { kind: "invalid" }>;
    edition: "public" | "own";
    today: IsoDate;
    requestedBy?: number | null;
  },
): Promise<IssuedReport | { refused: "not_found" | "natural_person" }> {
  const found = await getSubjectProfileAndId({ code: input.code, today: input.today });
  if (!found) return { refused: "not_found" };
  const { id: subjectId, profile } = found;
  if (profile.kind === "natural_person" || !profile.uscc) return { refused: "natural_person" };
  const privateRecords =
    input.edition === "own" ? await unpublishedRecords(db, subjectId, input.today) : undefined;
  // issue 20 N11: anyone may ask for a public report, and each costs ~0.7 s of CPU and a stored row; the same
  // public content on the same day is the report already made
  if (input.edition === "public") {
    const same = await todaysPublicReport(db, subjectId, input.today, { ...profile, privateRecords: null });
    if (same) return same;
  }
  const [{ id } = { id: 0 }] = await db
    .select({ id: sql<number>`nextval(pg_get_serial_sequence('credit_reports', 'id'))::int` })
    .from(sql`(SELECT 1) AS one`);
  const reportNo = reportNoOf(input.today, Number(id));
  const code = codeFromBytes(randomBytes(8));
  const generatedAt = new Date();
  const snapshot = { ...profile, privateRecords: privateRecords ?? null };
  const doc = reportDocument(profile, {
    edition: input.edition,
    reportNo,
    generatedAt: formatTimeZh(generatedAt, "long"),
    privateRecords,
  });
  // issue 20 N5: the address printed and in the QR code is SITE_URL's, never a request's Host
  const verifyPage = `${config().reportOrigin}/verify`;
  const pdf = await renderReportPdf(doc, {
    verifyUrl: `${verifyPage}?no=${reportNo}&code=${code}`,
    verifyPage,
    code: formatCode(code),
    reportNo,
  });
  const digest = sha256(pdf);
  await db.insert(creditReports).values({
    id: Number(id),
    reportNo,
    subjectId,
    edition: input.edition,
    codeHash: sha256(code),
    sha256: digest,
    bytes: pdf.length,
    snapshot,
    pdf,
    requestedBy: input.requestedBy ?? null,
    generatedAt,
  });
  return { reportNo, code, pdf, sha256: digest, subjectName: profile.name };
}

/** China time's start of `today`, as an instant. */
const startOf = (today: IsoDate) => new Date(`${today}T00:00:00+08:00`);

/** Today's public report of the subject made from this very content, if there is one (stored with its PDF). */
async function todaysPublicReport(
  db: Db,
  subjectId: number,
  today: IsoDate,
  snapshot: unknown,
): Promise<IssuedReport | null> {
  const [r] = await db
    .select({
      reportNo: creditReports.reportNo,
      sha256: creditReports.sha256,
      snapshot: creditReports.snapshot,
      pdf: creditReports.pdf,
      name: subjects.name,
    })
    .from(creditReports)
    .innerJoin(subjects, eq(subjects.id, creditReports.subjectId))
    .where(
      and(
        eq(creditReports.subjectId, subjectId),
        eq(creditReports.edition, "public"),
        gte(creditReports.generatedAt, startOf(today)),
        isNotNull(creditReports.pdf),
      ),
    )
    .orderBy(desc(creditReports.id))
    .limit(1);
  if (!r?.pdf || canonicalJson(r.snapshot) !== canonicalJson(JSON.parse(JSON.stringify(snapshot))))
    return null;
  return { reportNo: r.reportNo, code: "", pdf: r.pdf, sha256: r.sha256, subjectName: r.name };
}

/** The subject's own records that the public does not see, each with the reason (for its own copy only). */
async function unpublishedRecords(db: Db, subjectId: number, today: IsoDate): Promise<PrivateRecord[]> {
  const [pen, entries] = await Promise.all([
    db
      .select({
        decisionNo: penalties.decisionNo,
        decisionDate: penalties.decisionDate,
        violationType: penalties.violationType,
        status: penalties.status,
        disclosable: penalties.disclosable,
        publicUntil: penalties.publicUntil,
      })
      .from(penalties)
      .where(
        and(
          eq(penalties.subjectId, subjectId),
          ne(penalties.status, "withdrawn"),
          not(penaltyIsPublic(today)),
        ),
      )
      .orderBy(desc(penalties.decisionDate)),
    db
      .select({
        listName: creditLists.name,
        status: listEntries.status,
        decisionDate: listEntries.decisionDate,
        validUntil: listEntries.validUntil,
      })
      .from(listEntries)
      .innerJoin(creditLists, eq(creditLists.id, listEntries.listId))
      .where(
        and(
          eq(listEntries.subjectId, subjectId),
          or(eq(listEntries.status, "published"), eq(listEntries.status, "removed")),
          not(listEntryIsPublic(today)),
        ),
      )
      .orderBy(desc(listEntries.decisionDate)),
  ]);
  return [
    ...pen.map((p) => ({
      kind: "行政处罚",
      title: `${p.violationType}（${p.decisionNo}）`,
      date: p.decisionDate,
      why:
        p.status === "repaired"
          ? "已信用修复，停止公示"
          : !p.disclosable
            ? "未达公示标准"
            : p.publicUntil && p.publicUntil < today
              ? `公示期已于 ${p.publicUntil} 届满`
              : "尚未公示",
    })),
    ...entries.map((e) => ({
      kind: "名单",
      title: e.listName,
      date: e.decisionDate ?? "",
      why: e.status === "removed" ? "已移出名单" : `有效期已于 ${e.validUntil} 届满`,
    })),
  ];
}

/** Issue 13 §1: the signed-in business's own copy of its report. */
export async function issueOwnReport({ db, actor, today }: ServiceContext): Promise<IssuedReport> {
  if (!actor.subjectId) throw new AppError("forbidden", "该账号未关联主体，无法下载信用报告。");
  const [s] = await db.select({ uscc: subjects.uscc }).from(subjects).where(eq(subjects.id, actor.subjectId));
  const r = s?.uscc
    ? await issueReport(db, {
        code: { kind: "uscc", code: s.uscc, canonical: true },
        edition: "own",
        today,
        requestedBy: actor.id,
      })
    : null;
  if (!r || "refused" in r) throw new AppError("not_found", "没有找到本单位的主体信息。");
  return r;
}
