import type { Metadata } from "next";
import Link from "next/link";
import { inRegionScope, supervisionScope } from "@/lib/access/scope";
import { INDUSTRIES, industryLabel } from "@/lib/subjects/industries";
import { SUBJECT_KINDS } from "@/lib/subjects/subject-kinds";
import { percent } from "@/lib/supervision/ratios";
import { requireRole } from "@/server/auth/guard";
import { getCities } from "@/server/queries/regions";
import { getDeptRatios, getInspectors } from "@/server/queries/supervision";
import { DrawForm } from "./draw-form";

export const metadata: Metadata = { title: "新建双随机抽查" };

export default async function NewDrawPage() {
  const user = await requireRole("supervisor");
  const [cities, people, ratios] = await Promise.all([
    getCities(),
    getInspectors({ actor: user }),
    getDeptRatios({ actor: user }),
  ]);
  if (!ratios) return <p>您的账号不属于任何部门，不能发起抽查。</p>;
  const scope = supervisionScope(user);
  return (
    <div className="max-w-3xl space-y-4">
      <Link href="/admin/supervision/draws" className="text-sm text-brand-700 underline">
        ← 返回双随机抽查
      </Link>
      <h1 className="text-2xl font-bold">新建双随机抽查</h1>
      <p className="text-sm text-slate-600">
        按本部门抽查比例（
        {(["A", "B", "C", "D"] as const).map((g) => `${g} ${percent(ratios.ratios[g])}`).join("，")}
        ）分等级抽取。下一步先由系统生成随机种子并显示抽取结果，您核对后再确认；确认前不会公示。
        <Link href="/admin/supervision/rules#ratios" className="ml-1 text-brand-700 underline">
          修改比例
        </Link>
      </p>
      <DrawForm
        regions={cities
          .filter((c) => scope && inRegionScope(scope, c.code))
          .map((c) => ({ value: c.code, label: c.name }))}
        allRegions={scope?.prefix ? "本地区全部" : "全省"}
        kinds={Object.entries(SUBJECT_KINDS)
          .filter(([k]) => k !== "natural_person" && k !== "government")
          .map(([value, label]) => ({ value, label }))}
        industries={Object.keys(INDUSTRIES).map((k) => ({ value: k, label: industryLabel(k) }))}
        people={people.filter((p) => p.active).map((p) => ({ id: p.id, label: `${p.name}（${p.badgeNo}）` }))}
      />
    </div>
  );
}
