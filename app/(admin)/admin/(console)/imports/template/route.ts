import { RECORD_HEADERS } from "@/lib/records/record-input";
import { CSV_BOM, csvRow } from "@/lib/web/csv";
import { consoleRoute } from "@/server/http/console-route";

const EXAMPLE = {
  penalty: {
    行政相对人名称: "江西某某建材有限公司",
    行政相对人类别: "法人及非法人组织",
    统一社会信用代码: "91360100MA35XXXXXX",
    法定代表人: "张三",
    行政处罚决定书文号: "赣市监罚〔2026〕1号",
    违法行为类型: "销售不合格产品",
    违法事实: "经抽检，当事人销售的钢筋屈服强度不合格。",
    处罚依据: "《中华人民共和国产品质量法》第四十九条",
    处罚类别: "罚款；没收违法所得",
    处罚内容: "罚款 2 万元，没收违法所得 0.5 万元",
    "罚款金额（万元）": "2",
    "没收违法所得、没收非法财物的金额（万元）": "0.5",
    处罚决定日期: "2026-11-20",
    失信严重程度: "一般",
  },
  licence: {
    行政相对人名称: "江西某某食品有限公司",
    行政相对人类别: "法人及非法人组织",
    统一社会信用代码: "91360100MA35XXXXXX",
    行政许可决定文书号: "赣食许〔2026〕1号",
    行政许可决定文书名称: "食品经营许可决定书",
    许可类别: "普通",
    许可内容: "食品销售经营者",
    许可决定日期: "2026-11-20",
    有效期自: "2026-11-20",
    有效期至: "2031-11-19",
  },
} as const;

/** The import template: the national column headers in order, and one example row to overwrite. */
export const GET = consoleRoute(["operator"], async ({ request }) => {
  const kind = new URL(request.url).searchParams.get("kind") === "licence" ? "licence" : "penalty";
  const headers = Object.keys(RECORD_HEADERS[kind]);
  const example: Record<string, string> = EXAMPLE[kind];
  const body = CSV_BOM + csvRow(headers) + csvRow(headers.map((h) => example[h] ?? ""));
  const name = kind === "penalty" ? "行政处罚导入模板.csv" : "行政许可导入模板.csv";
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
    },
  });
});
