import "server-only";
import type { Db } from "@/db/client";
import type { IsoDate } from "@/lib/calendar/dates";
import type { ActionState } from "@/lib/web/action-state";
import { requestMeta } from "../auth/request-meta";
import { type CheckedCaseFile, checkCaseFiles } from "../case-files";
import { today } from "../clock";
import type { RequestMeta } from "../context";
import { getDb } from "../db";
import { AppError } from "../errors";
import { createLimiter } from "../limiter";
import { powProblem } from "../pow";
import { markOwnWrite } from "../reads";

/** Issue 14 §1: at most 10 filings of a kind per address per hour, on top of the proof-of-work. */
export const PUBLIC_FILINGS_PER_HOUR = 10;

/**
 * A case anyone files without an account (an objection, a report) is admitted (issue 14 §1): its proof-of-work
 * first — junk without one must not use up the address's quota — then at most `perHour` per address.
 */
export async function admitPublicFiling(o: {
  pow: string | undefined;
  /** the limiter's name: one quota per kind of filing */
  kind: string;
  noun: string;
  perHour: number;
}): Promise<RequestMeta> {
  const meta = await requestMeta();
  const pow = await powProblem(o.pow);
  if (pow) throw new AppError("invalid", pow);
  const limit = await createLimiter(o.kind, { windowMs: 3_600_000 })(meta.ip, o.perHour);
  if (!limit.allowed)
    throw new AppError(
      "invalid",
      `提交过于频繁：同一网络地址每小时最多提交 ${o.perHour} 件${o.noun}，请 ${Math.ceil(limit.retryAfterSeconds / 60)} 分钟后再试。`,
    );
  return meta;
}

/** A filer's look-up of their case (by number and secret): at most 20 a minute per address. */
export async function admitLookup(kind: string): Promise<RequestMeta> {
  const meta = await requestMeta();
  if (!(await createLimiter(kind)(meta.ip, 20)).allowed)
    throw new AppError("invalid", "查询过于频繁，请一分钟后再试。");
  return meta;
}

type Receipt =
  | { kind: "new"; caseNo: string; secret: string; answerDueOn: string }
  | { kind: "duplicate"; caseNo: string };

/**
 * The whole filing of a public case once its form parsed: admitted (above), its uploads checked by content, filed by
 * the kind's use case, and answered with the number and secret to show once — or, sent twice, the case it made.
 */
export async function filePublicCase(
  form: FormData,
  o: { pow: string | undefined; kind: string; noun: string },
  file: (c: { db: Db; meta: RequestMeta; today: IsoDate }, files: CheckedCaseFile[]) => Promise<Receipt>,
): Promise<ActionState> {
  const meta = await admitPublicFiling({ ...o, perHour: PUBLIC_FILINGS_PER_HOUR });
  const files = form.getAll("files").filter((f): f is File => f instanceof File);
  const r = await file({ db: await getDb(), meta, today: today() }, await checkCaseFiles(files));
  await markOwnWrite();
  if (r.kind === "new")
    return {
      ok: true,
      message: `${o.noun}已提交。`,
      data: { caseNo: r.caseNo, secret: r.secret, answerDueOn: r.answerDueOn },
    };
  return {
    ok: true,
    message: `该${o.noun}已提交（案号 ${r.caseNo}），请勿重复提交。`,
    data: { caseNo: r.caseNo },
  };
}
