import { withUsccCheckChar } from "../../lib/subjects/uscc";

export const PENALTY_CSV_HEADER =
  "行政相对人名称,行政相对人类别,统一社会信用代码,法定代表人,行政处罚决定书文号,违法行为类型,违法事实,处罚依据,处罚类别,处罚内容,罚款金额（万元）,处罚决定日期,失信严重程度";

export type PlantedError = { row: number; column: string };

/**
 * A penalty CSV of `rows` data rows (row 1 is the header), deterministic. With `errorEvery`, every n-th row
 * carries one planted error, cycling through: a bad USCC check character, a missing required field, an
 * impossible date, and a decision number repeated from the row before.
 */
export function penaltyCsv(rows: number, opts: { errorEvery?: number; prefix?: string } = {}) {
  const lines = [PENALTY_CSV_HEADER];
  const planted: PlantedError[] = [];
  const prefix = opts.prefix ?? "赣测罚";
  for (let i = 0; i < rows; i++) {
    const row = i + 2;
    const seq = String(i).padStart(8, "0");
    let uscc = withUsccCheckChar(`91360100${seq.slice(0, 8)}X`.slice(0, 17));
    let name = `测试企业${i}有限公司（演示）`;
    let no = `${prefix}〔2026〕${i}号`;
    let date = `2026-0${(i % 9) + 1}-1${i % 10}`;
    const kind = opts.errorEvery && i > 0 && i % opts.errorEvery === 0 ? (i / opts.errorEvery) % 4 : -1;
    if (kind === 0) {
      uscc = uscc.slice(0, 17) + (uscc.endsWith("0") ? "1" : "0");
      planted.push({ row, column: "统一社会信用代码" });
    } else if (kind === 1) {
      name = "";
      planted.push({ row, column: "行政相对人名称" });
    } else if (kind === 2) {
      date = "2026-02-30";
      planted.push({ row, column: "处罚决定日期" });
    } else if (kind === 3) {
      no = `${prefix}〔2026〕${i - 1}号`;
      planted.push({ row, column: "行政处罚决定书文号" });
    }
    lines.push(
      `${name},法人及非法人组织,${uscc},张三,${no},未按规定公示年度报告,"经查，当事人未按规定公示2025年度报告。",《企业信息公示暂行条例》第十八条,罚款,罚款 2 万元,2,${date},一般`,
    );
  }
  return { csv: `${lines.join("\n")}\n`, planted };
}
