import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiKeys, authorisedQueries, institutions, subjects } from "@/db/schema";
import type { IsoDate } from "@/lib/calendar/dates";
import type { DataClass } from "@/lib/platform/catalogue";
import {
  authorisedClasses,
  type InstitutionKind,
  PURPOSES,
  type Purpose,
  queryProblem,
} from "@/lib/platform/institutions";
import { auditBy, logAudit } from "../../audit";
import type { RequestMeta, ServiceContext } from "../../context";
import { AppError } from "../../errors";
import { authorisedRecords } from "../../queries/authorised";
import { getSubjectProfile } from "../../queries/profile";
import { type InstitutionKey, issueKey } from "../api-keys";

export type InstitutionInput = {
  name: string;
  kind: InstitutionKind;
  uscc: string;
  authorisationNo: string;
  authorisedUntil: IsoDate;
  dataClasses: DataClass[];
  purposes: Purpose[];
};

/**
 * Issue 23 §2: a sysadmin registers an institution under its written authorisation and issues its key, shown once.
 */
export async function registerInstitution(ctx: ServiceContext, input: InstitutionInput): Promise<string> {
  if (input.authorisedUntil < ctx.today) throw new AppError("invalid", "授权有效期已过，不能登记。");
  return ctx.db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: institutions.id })
      .from(institutions)
      .where(eq(institutions.uscc, input.uscc));
    if (taken) throw new AppError("conflict", "该机构已登记；如需变更授权，请先撤销原授权。");
    const [row] = await tx
      .insert(institutions)
      .values({ ...input, createdBy: ctx.actor.id })
      .returning({ id: institutions.id });
    if (!row) throw new Error("institution not saved");
    await auditBy(tx, ctx, {
      action: "institution.create",
      entityType: "institution",
      entityId: String(row.id),
      after: { ...input },
    });
    return issueKey(tx, ctx, {
      departmentId: null,
      institutionId: row.id,
      label: `${input.name}授权查询`.slice(0, 64),
      scopes: ["query"],
    });
  });
}

/** The authorisation is withdrawn: its keys stop at once, and its history stays. */
export async function withdrawInstitution(ctx: ServiceContext, { id }: { id: number }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(institutions)
      .set({ active: false })
      .where(eq(institutions.id, id))
      .returning({ name: institutions.name });
    if (!row) throw new AppError("not_found", "机构不存在。");
    await tx.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.institutionId, id));
    await auditBy(tx, ctx, {
      action: "institution.update",
      entityType: "institution",
      entityId: String(id),
      after: { active: false, keysRevoked: true },
    });
  });
}

/**
 * 授权查询 (issue 23 §2): the public profile, and beyond it only what the catalogue classifies 授权查询 within the
 * institution's authorised classes, for a purpose its authorisation names. Logged for the subject to read.
 */
export async function authorisedQuery(
  c: { db: Db; key: InstitutionKey; meta: RequestMeta; today: IsoDate },
  input: { uscc: string; purpose: string },
) {
  const { db, key, meta, today } = c;
  const [inst] = await db.select().from(institutions).where(eq(institutions.id, key.institutionId));
  if (!inst) throw new AppError("forbidden", "该密钥不属于已登记的机构。");
  const problem = queryProblem(inst, input.purpose, today);
  const refuse = async (code: "forbidden" | "not_found", reason: string) => {
    await db.transaction((tx) =>
      logAudit(tx, {
        action: "query.refused",
        actorName: inst.name.slice(0, 64),
        entityType: "institution",
        entityId: String(inst.id),
        outcome: "denied",
        after: { keyId: key.keyId, uscc: input.uscc, purpose: input.purpose, reason },
        ...meta,
      }),
    );
    throw new AppError(code, reason);
  };
  if (problem) return refuse("forbidden", problem);
  const [subject] = await db.select({ id: subjects.id }).from(subjects).where(eq(subjects.uscc, input.uscc));
  if (!subject) return refuse("not_found", `本平台没有统一社会信用代码为 ${input.uscc} 的主体。`);
  const classes = authorisedClasses(inst);
  const [profile, extra] = await Promise.all([
    getSubjectProfile({ code: { kind: "uscc", code: input.uscc, canonical: true }, today, primary: true }),
    authorisedRecords(subject.id, { kind: "institution", classes }, today),
  ]);
  const carried = [...new Set(extra.map((r) => r.dataClass))];
  await db.transaction(async (tx) => {
    await tx.insert(authorisedQueries).values({
      institutionId: inst.id,
      keyId: key.keyId,
      subjectId: subject.id,
      purpose: input.purpose,
      dataClasses: carried,
      ip: meta.ip,
    });
    await logAudit(tx, {
      action: "query.authorised",
      actorName: inst.name.slice(0, 64),
      entityType: "subject",
      entityId: String(subject.id),
      after: {
        institutionId: inst.id,
        keyId: key.keyId,
        purpose: input.purpose,
        classes: carried,
        rows: extra.length,
      },
      ...meta,
    });
  });
  return {
    institution: inst.name,
    purpose: { code: input.purpose, name: PURPOSES[input.purpose as Purpose] },
    authorisationNo: inst.authorisationNo,
    profile,
    authorised: extra,
  };
}
