import "server-only";
import { desc, eq, inArray } from "drizzle-orm";
import { disclosureJobs, settings, settingVersions, users } from "@/db/schema";
import { DEFAULT_POLICY } from "@/lib/policy";
import { POLICY_FIELDS, policyInputValues } from "@/lib/policy-fields";
import { disclosureJobMachine } from "@/lib/workflows/disclosure-job";
import { getDb } from "../db";

/** The sysadmin's settings page (issue 14 §4): each value as the form shows it, its version and its history. */
export async function getSettingsView() {
  const db = await getDb();
  const keys = POLICY_FIELDS.map((f) => f.key);
  const [rows, history, [job]] = await Promise.all([
    db.select().from(settings).where(inArray(settings.key, keys)),
    db
      .select({
        key: settingVersions.key,
        version: settingVersions.version,
        value: settingVersions.value,
        at: settingVersions.changedAt,
        by: users.displayName,
      })
      .from(settingVersions)
      .leftJoin(users, eq(users.id, settingVersions.changedBy))
      .where(inArray(settingVersions.key, keys))
      .orderBy(desc(settingVersions.id))
      .limit(200),
    db.select().from(disclosureJobs).orderBy(desc(disclosureJobs.id)).limit(1),
  ]);
  return {
    fields: POLICY_FIELDS.map((f) => {
      const row = rows.find((r) => r.key === f.key);
      const value = row?.value ?? DEFAULT_POLICY[f.key];
      return {
        field: f,
        version: row?.version ?? 0,
        values: policyInputValues(f, value),
        isDefault: !row,
        history: history
          .filter((h) => h.key === f.key)
          .slice(0, 5)
          .map((h) => ({
            version: h.version,
            at: h.at,
            by: h.by ?? "—",
            values: policyInputValues(f, h.value),
          })),
      };
    }),
    job: job
      ? {
          ...job,
          stateLabel: disclosureJobMachine.labels[job.state],
          open: job.state === "queued" || job.state === "running",
        }
      : null,
  };
}
