import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { regions, subjectNameReviews, subjects } from "@/db/schema";
import { type CounterpartCategory, subjectKindOf } from "@/lib/records/record-input";
import { pinyinInitials } from "@/lib/subjects/pinyin";
import { NAME_REVIEW_INITIAL } from "@/lib/workflows/name-review";
import { auditBy } from "../../audit";
import { config } from "../../config";
import type { RequestMeta } from "../../context";
import { createPiiProtector } from "../../pii";

export type Counterpart = {
  counterpartName: string;
  counterpartCategory: CounterpartCategory;
  uscc: string | null;
  idNumber: string | null;
  legalRepresentative: string | null;
};
type Actor = { id: number; username: string };

const newPublicId = () =>
  `p${BigInt(`0x${randomBytes(9).toString("hex")}`)
    .toString(36)
    .padStart(13, "0")
    .slice(-13)}`;
const keyOf = (c: Counterpart, digest: (id: string) => string) =>
  c.counterpartCategory === "natural_person" ? `id:${digest(c.idNumber ?? "")}` : `uscc:${c.uscc}`;

/**
 * The subject of each counterpart, by USCC (or, for a person, the ID number's keyed digest): created on the fly
 * when new; when a known USCC arrives under another name, a name review is opened and the subject is NOT renamed
 * (issue 5 §5). Returns subject ids in the order of `rows`.
 */
export async function resolveSubjects(
  tx: Tx,
  rows: Counterpart[],
  ctx: {
    actor: Actor;
    meta: RequestMeta;
    source: string;
    today: string;
    /** the department whose record this is: it owns any name review the record opens */
    departmentId: number;
  },
): Promise<number[]> {
  const pii = createPiiProtector(config().piiKey);
  const usccs = [
    ...new Set(rows.filter((r) => r.counterpartCategory !== "natural_person").map((r) => r.uscc ?? "")),
  ];
  const digests = [
    ...new Set(
      rows.filter((r) => r.counterpartCategory === "natural_person").map((r) => pii.digest(r.idNumber ?? "")),
    ),
  ];
  const found = new Map<string, { id: number; name: string }>();
  if (usccs.length) {
    for (const s of await tx
      .select({ id: subjects.id, name: subjects.name, uscc: subjects.uscc })
      .from(subjects)
      .where(inArray(subjects.uscc, usccs)))
      found.set(`uscc:${s.uscc}`, s);
  }
  if (digests.length) {
    for (const s of await tx
      .select({ id: subjects.id, name: subjects.name, digest: subjects.idNumberDigest })
      .from(subjects)
      .where(inArray(subjects.idNumberDigest, digests)))
      found.set(`id:${s.digest}`, s);
  }

  // new subjects, one per key, in the region their code names when we know that region
  const fresh = new Map<string, Counterpart>();
  for (const r of rows) {
    const k = keyOf(r, pii.digest);
    if (!found.has(k) && !fresh.has(k)) fresh.set(k, r);
  }
  if (fresh.size) {
    const divisions = [...fresh.values()].map((r) => r.uscc?.slice(2, 8) ?? r.idNumber?.slice(0, 6) ?? "");
    const known = new Set(
      (
        await tx
          .select({ code: regions.code })
          .from(regions)
          .where(inArray(regions.code, [...new Set(divisions)]))
      ).map((r) => r.code),
    );
    const values = [...fresh.values()].map((r) => {
      const person = r.counterpartCategory === "natural_person";
      const protectedId = person ? pii.protect(r.idNumber ?? "") : null;
      const division = r.uscc?.slice(2, 8) ?? r.idNumber?.slice(0, 6) ?? "";
      return {
        publicId: newPublicId(),
        kind: subjectKindOf(r.counterpartCategory, r.uscc),
        uscc: person ? null : r.uscc,
        name: r.counterpartName,
        nameInitials: pinyinInitials(r.counterpartName).slice(0, 200),
        legalRepresentative: person ? null : r.legalRepresentative,
        idNumberDigest: protectedId?.digest ?? null,
        idNumberCipher: protectedId?.cipher ?? null,
        idNumberMasked: protectedId?.masked ?? null,
        regionCode: known.has(division) ? division : null,
        lastActivityOn: ctx.today,
      };
    });
    const created = await tx.insert(subjects).values(values).returning({
      id: subjects.id,
      name: subjects.name,
      uscc: subjects.uscc,
      digest: subjects.idNumberDigest,
    });
    for (const s of created) found.set(s.uscc ? `uscc:${s.uscc}` : `id:${s.digest}`, s);
    await auditBy(tx, ctx, {
      action: "subject.create",
      entityType: "subject",
      entityId: created.length === 1 ? String(created[0]?.id) : null,
      after: { count: created.length, ids: created.slice(0, 1000).map((s) => s.id), source: ctx.source },
    });
  }

  // a known subject under another name: flagged once per proposed name
  const conflicts = new Map<string, { subjectId: number; currentName: string; proposedName: string }>();
  for (const r of rows) {
    const s = found.get(keyOf(r, pii.digest));
    if (s && s.name !== r.counterpartName && r.counterpartCategory !== "natural_person")
      conflicts.set(`${s.id}|${r.counterpartName}`, {
        subjectId: s.id,
        currentName: s.name,
        proposedName: r.counterpartName,
      });
  }
  for (const c of conflicts.values()) {
    const [open] = await tx
      .select({ id: subjectNameReviews.id })
      .from(subjectNameReviews)
      .where(
        and(
          eq(subjectNameReviews.subjectId, c.subjectId),
          eq(subjectNameReviews.proposedName, c.proposedName),
          eq(subjectNameReviews.departmentId, ctx.departmentId),
          eq(subjectNameReviews.status, NAME_REVIEW_INITIAL),
        ),
      );
    if (open) continue;
    const [review] = await tx
      .insert(subjectNameReviews)
      .values({ ...c, departmentId: ctx.departmentId, source: ctx.source.slice(0, 200) })
      .returning({ id: subjectNameReviews.id });
    await auditBy(tx, ctx, {
      action: "subject.name_conflict",
      entityType: "subject",
      entityId: String(c.subjectId),
      before: { name: c.currentName },
      after: { proposedName: c.proposedName, reviewId: review?.id, source: ctx.source },
    });
  }
  return rows.map((r) => {
    const s = found.get(keyOf(r, pii.digest));
    if (!s) throw new Error("subject not resolved");
    return s.id;
  });
}
