import type { Grade } from "@/lib/policy";
import { DRAW_ALGORITHM_LABEL } from "@/lib/supervision/draw";
import { drawPoolLabel } from "@/lib/supervision/labels";
import { type PoolFilter, PREVIEW_WINDOW_DAYS } from "@/lib/supervision/pool";
import { percent } from "@/lib/supervision/ratios";
import { formatTimeZh } from "@/lib/web/format";
import { Fields } from "./section";

type Draw = {
  drawNo: string | null;
  state: "preview" | "confirmed";
  deptName: string;
  pool: PoolFilter;
  regionName: string | null;
  poolSize: number;
  ratios: Record<Grade, number>;
  seed: string;
  algorithm: string;
  poolHash: string;
  ruleVersion: string;
  previews: number;
  inspectorCount: number;
  inspectors: string[];
  drawnBy: string | null;
  drawnAt: Date | null;
  createdAt: Date;
};

const code = (key: string, v: string) => (
  <code key={key} className="break-all font-mono text-xs">
    {v}
  </code>
);

/**
 * What a draw was made of (issue 12 §3–§4): the public sees everything needed to re-run it but no inspector
 * (the count only); the console sees who was sent and who drew.
 */
export function DrawFacts({ d, audience }: { d: Draw; audience: "public" | "console" }) {
  const console = audience === "console";
  const when = d.state === "confirmed" ? "抽取时间" : "预览时间";
  return (
    <Fields
      items={[
        ...(d.drawNo ? [["抽查编号", d.drawNo] as [string, string]] : []),
        ["部门", d.deptName],
        [when, formatTimeZh(d.drawnAt ?? d.createdAt, "seconds")],
        ["对象库", `${drawPoolLabel(d.pool, d.regionName)}，共 ${d.poolSize.toLocaleString("en-US")} 户`],
        [
          "抽查比例",
          (["A", "B", "C", "D"] as const).map((g) => `${g} 级 ${percent(d.ratios[g])}`).join("，"),
        ],
        console
          ? ["检查人员", d.inspectors.join("、")]
          : ["执法检查人员", `${d.inspectorCount} 名（每户随机选派 2 名）`],
        ["随机种子", code("seed", d.seed)],
        ["算法", DRAW_ALGORITHM_LABEL[d.algorithm] ?? d.algorithm],
        ["对象库哈希（SHA-256）", code("hash", d.poolHash)],
        ["信用评价规则版本", d.ruleVersion],
        [
          "未采用的预览",
          `${d.previews} 次（确认前 ${PREVIEW_WINDOW_DAYS} 天内本部门对重叠对象库所作的全部预览，不论事项名称；每次预览都生成新种子并留痕）`,
        ],
        ...(console ? [["发起人", d.drawnBy ?? ""] as [string, string]] : []),
      ]}
    />
  );
}
