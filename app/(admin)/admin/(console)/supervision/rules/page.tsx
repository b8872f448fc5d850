import type { Metadata } from "next";
import { Section } from "@/components/section";
import { gradingRulesEditProblem } from "@/lib/access/scope";
import { BAND_FIELDS, RULE_FIELDS } from "@/lib/grading/rules-form";
import { percent, ratioOrderWarning } from "@/lib/supervision/ratios";
import { formatTimeZh } from "@/lib/web/format";
import { requireRole } from "@/server/auth/guard";
import { getDepartments } from "@/server/queries/departments";
import { getDeptRatios, getGradingRuleHistory, getGradingRulesVersion } from "@/server/queries/supervision";
import { getGradingRules } from "@/server/settings";
import { RatiosForm, RulesForm } from "./forms";

export const metadata: Metadata = { title: "评价规则与抽查比例" };

export default async function RulesPage() {
  const user = await requireRole("supervisor");
  const [rules, version, depts, history] = await Promise.all([
    getGradingRules(),
    getGradingRulesVersion(),
    getDepartments(),
    getGradingRuleHistory(),
  ]);
  const dept = depts.find((d) => d.id === user.departmentId);
  const ratios = await getDeptRatios({ actor: user });
  const bands = { bandA: rules.bands.A, bandB: rules.bands.B, bandC: rules.bands.C };
  const warning = ratios ? ratioOrderWarning(ratios.ratios) : null;
  const rulesProblem = gradingRulesEditProblem(user);
  return (
    <>
      <h1 className="text-2xl font-bold">评价规则与抽查比例</h1>
      <Section id="rules" title={`公共信用综合评价规则（现行 ${rules.version}）`}>
        <div className="space-y-3 p-4">
          <p className="text-sm text-slate-600">
            每个主体从起始分出发，按公示中的记录加减分后定级；重点关注名单最高为 C，严重失信主体名单一律为
            D，异议核实中的记录暂不计入。保存后立即按新规则重新评价全部主体，每个等级都记下所用的规则版本；修改留痕于审计日志。
          </p>
          {rulesProblem ? (
            <p className="text-sm text-amber-800">
              {rulesProblem}现行规则：起始 {rules.start} 分，一般处罚 {rules.generalPenalty}，严重处罚{" "}
              {rules.seriousPenalty}，红名单 +{rules.redListEntry}，违诺 {rules.breachedCommitment}，履约 +
              {rules.fulfilledCommitment}；A ≥ {rules.bands.A}，B ≥ {rules.bands.B}，C ≥ {rules.bands.C}。
            </p>
          ) : (
            <RulesForm
              version={version}
              fields={[
                ...RULE_FIELDS.map((f) => ({
                  name: f.key,
                  label: f.label,
                  value: rules[f.key],
                  min: f.min,
                  max: f.max,
                })),
                ...BAND_FIELDS.map((b) => ({
                  name: b.key,
                  label: b.label,
                  value: bands[b.key],
                  min: 0,
                  max: 1000,
                })),
              ]}
            />
          )}
          {history.length > 0 && (
            <details className="text-sm">
              <summary className="cursor-pointer text-brand-700">历次修改（{history.length}）</summary>
              <ul className="mt-2 space-y-1">
                {history.map((h) => (
                  <li key={h.version}>
                    <strong>{h.version}</strong>　{formatTimeZh(h.changedAt, "seconds")}　{h.by}：起始{" "}
                    {h.value.start}
                    ，一般处罚 {h.value.generalPenalty}，严重处罚 {h.value.seriousPenalty}，红名单 +
                    {h.value.redListEntry}，违诺 {h.value.breachedCommitment}，履约 +
                    {h.value.fulfilledCommitment}；A ≥ {h.value.bands.A}
                    ，B ≥ {h.value.bands.B}，C ≥ {h.value.bands.C}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      </Section>
      <Section id="ratios" title={`${dept?.name ?? "本部门"}抽查比例`}>
        <div className="space-y-3 p-4">
          {ratios ? (
            <>
              <p className="text-sm text-slate-600">
                双随机抽查时，各信用等级的主体按此比例抽取（2020 年方案第 14
                条：信用好的少查，信用差的多查）。
                {ratios.isDefault ? "本部门尚未设置，现用全省默认值：" : `本部门第 ${ratios.version} 版：`}
                {(["A", "B", "C", "D"] as const).map((g) => `${g} ${percent(ratios.ratios[g])}`).join("，")}。
              </p>
              {warning && <p className="text-sm text-amber-800">{warning}</p>}
              <RatiosForm
                version={ratios.version}
                ratios={{
                  A: String(Math.round(ratios.ratios.A * 10000) / 100),
                  B: String(Math.round(ratios.ratios.B * 10000) / 100),
                  C: String(Math.round(ratios.ratios.C * 10000) / 100),
                  D: String(Math.round(ratios.ratios.D * 10000) / 100),
                }}
              />
            </>
          ) : (
            <p className="text-sm text-slate-600">您的账号不属于任何部门，不能设置抽查比例。</p>
          )}
        </div>
      </Section>
    </>
  );
}
