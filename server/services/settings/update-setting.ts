import "server-only";
import { eq } from "drizzle-orm";
import { disclosureJobs, settings, settingVersions } from "@/db/schema";
import { DEFAULT_POLICY } from "@/lib/policy";
import { parsePolicyValue } from "@/lib/policy-fields";
import { DISCLOSURE_JOB_INITIAL } from "@/lib/workflows/disclosure-job";
import { auditBy } from "../../audit";
import type { ServiceContext } from "../../context";
import { AppError } from "../../errors";
import { forgetPolicy } from "../../settings";
import { runDisclosureJob } from "./disclosure-job";

/**
 * A sysadmin changes one "(ours)" value (issue 14 §4): checked against its range, written with the next version
 * only if nobody changed it since the form was read, kept in `setting_versions`, audited. A new disclosure
 * threshold starts a durable job that recounts what is disclosed.
 */
export async function updateSetting(
  { db, actor, meta }: ServiceContext,
  input: { key: string; version: number; form: Record<string, string | undefined> },
): Promise<{ version: number; jobId: number | null }> {
  const parsed = parsePolicyValue(input.key, input.form);
  if (!parsed.ok) throw new AppError("invalid", parsed.message);
  const { key, value } = parsed;
  const out = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(settings).where(eq(settings.key, key)).for("update");
    const current = row?.version ?? 0;
    if (current !== input.version)
      throw new AppError("conflict", "该设置刚被他人修改，请刷新页面，在最新值的基础上修改。");
    const before = row?.value ?? DEFAULT_POLICY[key];
    if (JSON.stringify(before) === JSON.stringify(value))
      throw new AppError("invalid", "新值与当前值相同，未作修改。");
    const version = current + 1;
    await tx
      .insert(settings)
      .values({ key, value, version, updatedBy: actor.id, updatedAt: new Date() })
      .onConflictDoUpdate({
        target: settings.key,
        set: { value, version, updatedBy: actor.id, updatedAt: new Date() },
      });
    await tx.insert(settingVersions).values({ key, version, value, changedBy: actor.id });
    let jobId: number | null = null;
    if (key === "disclosureFineThresholdWan") {
      const [job] = await tx
        .insert(disclosureJobs)
        .values({ thresholdWan: String(value), state: DISCLOSURE_JOB_INITIAL, requestedBy: actor.id })
        .returning({ id: disclosureJobs.id });
      jobId = job?.id ?? null;
    }
    await auditBy(
      tx,
      { actor, meta },
      {
        action: "setting.update",
        entityType: "setting",
        entityId: key,
        before: { value: before, version: current },
        after: { value, version, jobId: jobId ?? undefined },
      },
    );
    return { version, jobId };
  });
  forgetPolicy();
  if (out.jobId !== null) void runDisclosureJob(db, out.jobId);
  return out;
}
