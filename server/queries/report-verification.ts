import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { creditReports, subjects } from "@/db/schema";
import {
  type PrivateRecord,
  type ReportDocument,
  type ReportSnapshot,
  reportDocument,
} from "@/lib/reports/report-document";
import { normalizeCode } from "@/lib/reports/report-no";
import { formatTimeZh } from "@/lib/web/format";
import { publicDb } from "../reads";

const sha256 = (b: Buffer | string) => createHash("sha256").update(b).digest("hex");

export type Verification =
  | {
      ok: true;
      reportNo: string;
      subjectName: string;
      uscc: string | null;
      generatedAt: Date;
      sha256: string;
      edition: "public" | "own";
      bytes: number;
      /** what the report says (issue 20 N5): the stored content, to hold one's copy against */
      document: ReportDocument;
      /** the stored PDF can be handed back (reports made before it was kept cannot) */
      hasOriginal: boolean;
    }
  | { ok: false; message: string };

/**
 * The typed code against the stored hash, in constant time — compared even when there is no such report, so that
 * an unknown number and a wrong code take the same time as well as getting the same answer.
 */
const codeMatches = (code: string, storedHash: string | undefined) =>
  timingSafeEqual(Buffer.from(sha256(code), "hex"), Buffer.from(storedHash ?? "0".repeat(64), "hex"));

const NOT_FOUND = "报告编号或核验码不正确：没有这份报告。请核对报告首页和页脚上的编号与核验码。";

type ReportKey = { reportNo: string; code: string; db?: Db };

/**
 * The report with this number when the typed code is its code, else null: an unknown number and a wrong code get
 * the same answer (and take the same time).
 */
async function heldReport<T extends { codeHash: string }>(
  { reportNo, code: typed, db: given }: ReportKey,
  read: (db: Db, reportNo: string) => Promise<T[]>,
): Promise<T | null> {
  const db = given ?? (await publicDb());
  const code = normalizeCode(typed);
  const [r] = await read(db, reportNo.trim().toUpperCase());
  const matches = codeMatches(code ?? typed, r?.codeHash);
  return r && code && matches ? r : null;
}

/** /verify: number + code → the report's facts; an unknown number and a wrong code get the same answer. */
export async function verifyReport(key: ReportKey): Promise<Verification> {
  const r = await heldReport(key, (db, reportNo) =>
    db
      .select({
        reportNo: creditReports.reportNo,
        codeHash: creditReports.codeHash,
        sha256: creditReports.sha256,
        generatedAt: creditReports.generatedAt,
        edition: creditReports.edition,
        bytes: creditReports.bytes,
        snapshot: creditReports.snapshot,
        hasOriginal: isNotNull(creditReports.pdf),
        name: subjects.name,
        uscc: subjects.uscc,
      })
      .from(creditReports)
      .innerJoin(subjects, eq(subjects.id, creditReports.subjectId))
      .where(eq(creditReports.reportNo, reportNo)),
  );
  if (!r) return { ok: false, message: NOT_FOUND };
  const { privateRecords, ...snapshot } = r.snapshot as ReportSnapshot & {
    privateRecords: PrivateRecord[] | null;
  };
  return {
    ok: true,
    reportNo: r.reportNo,
    subjectName: r.name,
    uscc: r.uscc,
    generatedAt: r.generatedAt,
    sha256: r.sha256,
    edition: r.edition,
    bytes: r.bytes,
    document: reportDocument(snapshot, {
      edition: r.edition,
      reportNo: r.reportNo,
      generatedAt: formatTimeZh(r.generatedAt, "long"),
      privateRecords: privateRecords ?? undefined,
    }),
    hasOriginal: Boolean(r.hasOriginal),
  };
}

/**
 * The stored PDF of a report, for the holder of its number and code (null: none kept, or no such report): one
 * statement, and the same answer for an unknown number and a wrong code.
 */
export async function originalReport(key: ReportKey) {
  const r = await heldReport(key, (db, reportNo) =>
    db
      .select({
        reportNo: creditReports.reportNo,
        codeHash: creditReports.codeHash,
        sha256: creditReports.sha256,
        pdf: creditReports.pdf,
        name: subjects.name,
      })
      .from(creditReports)
      .innerJoin(subjects, eq(subjects.id, creditReports.subjectId))
      .where(eq(creditReports.reportNo, reportNo)),
  );
  if (!r?.pdf) return null;
  return { reportNo: r.reportNo, pdf: r.pdf, sha256: r.sha256, subjectName: r.name, code: "" };
}

/** The uploaded file's SHA-256 against the report's: one changed byte and they differ. */
export const fileMatches = (v: Extract<Verification, { ok: true }>, file: Buffer) =>
  sha256(file) === v.sha256;
export const fileDigest = (file: Buffer) => sha256(file);
