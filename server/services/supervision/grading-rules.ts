import "server-only";
import { count, eq, sql } from "drizzle-orm";
import { settings, settingVersions, subjectGrades } from "@/db/schema";
import { gradingRulesEditProblem } from "@/lib/access/scope";
import { type GradingRules, rulesOver } from "@/lib/grading/grading";
import { parseRulesForm, ruleVersionOf } from "@/lib/grading/rules-form";
import { auditBy } from "../../audit";
import type { ServiceContext } from "../../context";
import { AppError } from "../../errors";
import { forgetGradingRules } from "../../settings";

/**
 * Issue 12 §1: a supervisor changes the grading rule set. Written with the next version only if nobody changed it
 * since the form was read, kept in setting_versions, audited with before and after — and every subject regraded
 * under it in the same transaction, so no stored grade names a rule set that is not the one in force.
 */
export async function updateGradingRules(
  { db, actor, meta }: ServiceContext,
  input: { version: number; form: Record<string, string | undefined> },
): Promise<{ ruleVersion: string; regraded: number }> {
  const province = gradingRulesEditProblem(actor);
  if (province) throw new AppError("forbidden", province);
  const out = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(settings).where(eq(settings.key, "grading")).for("update");
    const current = row?.version ?? 0;
    if (current !== input.version)
      throw new AppError("conflict", "评价规则刚被他人修改，请刷新页面，在最新规则的基础上修改。");
    const version = current + 1;
    const parsed = parseRulesForm(input.form, ruleVersionOf(version));
    if (!parsed.ok) throw new AppError("invalid", parsed.message);
    // from the locked row, not the process cache (which may be 30 s old, and on PGlite would wait on this transaction)
    const before = rulesOver(row?.value as Partial<GradingRules> | undefined);
    const { version: _v, ...weights } = parsed.rules;
    const { version: _b, ...beforeWeights } = before;
    if (JSON.stringify(weights) === JSON.stringify(beforeWeights))
      throw new AppError("invalid", "新规则与当前规则相同，未作修改。");
    const value = parsed.rules;
    const now = new Date();
    await tx
      .insert(settings)
      .values({ key: "grading", value, version, updatedBy: actor.id, updatedAt: now })
      .onConflictDoUpdate({
        target: settings.key,
        set: { value, version, updatedBy: actor.id, updatedAt: now },
      });
    await tx.insert(settingVersions).values({ key: "grading", version, value, changedBy: actor.id });
    await tx.execute(sql`SELECT regrade_subjects(NULL)`);
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(subjectGrades)
      .where(eq(subjectGrades.ruleVersion, value.version));
    await auditBy(
      tx,
      { actor, meta },
      {
        action: "grading.rules",
        entityType: "setting",
        entityId: "grading",
        before,
        after: { ...value, regraded: Number(n) },
      },
    );
    return { ruleVersion: value.version, regraded: Number(n) };
  });
  forgetGradingRules();
  return out;
}
