import { chinaIso } from "@/lib/calendar/dates";
import { GRADE_LABELS } from "@/lib/grading/grading";
import { INSPECTION_RESULT_LABEL } from "@/lib/supervision/labels";
import { CSV_BOM, csvRow } from "@/lib/web/csv";
import { getPublishedDraw } from "@/server/queries/supervision";
import { publishedDrawRoute } from "../published-route";

/** Issue 12 §4: one published draw as CSV — who was drawn and what the inspection found; no inspector. */
export const GET = publishedDrawRoute(
  (drawNo) => getPublishedDraw({ drawNo }),
  (d) => {
    const head = [
      "抽查编号",
      "部门",
      "抽取时间",
      "序号",
      "主体名称",
      "统一社会信用代码",
      "信用等级",
      "检查结果",
      "检查日期",
    ];
    const lines = d.subjects.map((s) =>
      csvRow([
        d.drawNo,
        d.deptName,
        d.drawnAt ? chinaIso(d.drawnAt) : "",
        s.seq,
        s.name,
        s.uscc,
        `${s.grade}（${GRADE_LABELS[s.grade]}）`,
        s.result ? INSPECTION_RESULT_LABEL[s.result] : "检查中",
        s.resultOn,
      ]),
    );
    return new Response(CSV_BOM + csvRow(head) + lines.join(""), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${d.drawNo}.csv"`,
      },
    });
  },
);
