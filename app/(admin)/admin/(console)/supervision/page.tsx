import type { Metadata } from "next";
import { GradeChart } from "@/components/charts/grade-chart";
import { Section } from "@/components/section";
import { StatCard } from "@/components/stat-card";
import { GRADE_LABELS } from "@/lib/grading/grading";
import type { Grade } from "@/lib/policy";
import { industryLabel } from "@/lib/subjects/industries";
import { GRADE_CONSEQUENCES } from "@/lib/supervision/consequences";
import { requireRole } from "@/server/auth/guard";
import { getGradeDistribution } from "@/server/queries/supervision";
import { getGradingRules } from "@/server/settings";

export const metadata: Metadata = { title: "分级概览" };

export default async function SupervisionOverview() {
  const user = await requireRole("supervisor");
  const [d, rules] = await Promise.all([getGradeDistribution({ actor: user }), getGradingRules()]);
  const grades: Grade[] = ["A", "B", "C", "D"];
  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">分级分类监管</h1>
        <p className="text-sm text-slate-600">
          现行评价规则 {rules.version}：A ≥ {rules.bands.A}，B ≥ {rules.bands.B}，C ≥ {rules.bands.C}，低于{" "}
          {rules.bands.C} 为 D
        </p>
      </div>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {grades.map((g) => (
          <div key={g}>
            <StatCard
              label={`${g} 级（${GRADE_LABELS[g]}）主体`}
              value={d.total[g]}
              href={`/admin/supervision/grades?grade=${g}`}
            />
            <p className="mt-1 text-xs text-slate-600">{GRADE_CONSEQUENCES[g]}</p>
          </div>
        ))}
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Section id="by-region" title="按设区市">
          <div className="p-3">
            <GradeChart title="各设区市主体信用等级分布" data={d.byRegion} />
          </div>
        </Section>
        <Section id="by-dept" title="按部门（有本部门记录的主体）">
          <div className="p-3">
            <GradeChart title="各部门管理对象信用等级分布" data={d.byDept} />
          </div>
        </Section>
      </div>
      <Section id="by-industry" title="按行业（国民经济行业门类）">
        <div className="p-3">
          <GradeChart
            title="各行业主体信用等级分布"
            labelWidth={220}
            data={d.byIndustry.map((r) => ({ ...r, label: industryLabel(r.key || null) }))}
          />
        </div>
      </Section>
    </>
  );
}
