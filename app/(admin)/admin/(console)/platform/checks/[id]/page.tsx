import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm, StateTextArea } from "@/components/action-form";
import { Fields } from "@/components/section";
import { EFFECTS, MATTERS } from "@/lib/platform/measures";
import { formatTimeZh } from "@/lib/web/format";
import { LIST_KIND_LABELS } from "@/lib/web/navigation";
import { intParam } from "@/lib/web/query-string";
import { requireRole } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { getCheck } from "@/server/queries/joint-checks";
import { checkFeedbackAction } from "../../actions";

export const metadata: Metadata = { title: "核查结果" };

/** One check's answer and its 成效反馈 (issue 23 §1); another department's check is not found. */
export default async function CheckPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("operator", "reviewer", "supervisor");
  const id = intParam((await params).id);
  const c = id !== undefined ? await getCheck({ id, deptId: user.departmentId }) : null;
  if (!c) notFound();
  const overdue = !c.feedbackAt && c.hitCount > 0 && c.feedbackDueOn < today();
  return (
    <div className="max-w-4xl space-y-4">
      <Link href="/admin/platform/checks" className="text-sm text-brand-700 underline">
        ← 返回核查记录
      </Link>
      <h1 className="text-2xl font-bold">核查结果 {c.checkNo}</h1>
      <Fields
        items={[
          ["主体", `${c.subject}（${c.uscc ?? "—"}）`],
          ["核查事项", MATTERS[c.matter]],
          ["核查部门", c.dept],
          ["核查日期", c.checkedOn],
          [
            "反馈期限",
            c.hitCount === 0 ? "未命中措施，无需反馈" : `${c.feedbackDueOn} 前${overdue ? "（已逾期）" : ""}`,
          ],
        ]}
      />
      {c.hitCount === 0 ? (
        <p
          role="status"
          className="rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-emerald-950"
        >
          该主体目前不在任何名单上（或所在名单条目正在异议核实中），本事项无需实施联合奖惩措施。
        </p>
      ) : (
        <section aria-labelledby="m" className="space-y-2">
          <h2 id="m" className="text-lg font-semibold">
            应当实施的措施（{c.hitCount} 项）
          </h2>
          <ul className="space-y-2">
            {c.measures.map((m) => (
              <li
                key={`${m.measureId}-${m.entryId}`}
                className="rounded border border-slate-200 bg-white p-3 text-sm"
              >
                <p className="font-medium">
                  <span className={m.measure?.effect === "reward" ? "text-emerald-800" : "text-red-800"}>
                    【{m.measure ? EFFECTS[m.measure.effect] : ""}】
                  </span>
                  {m.measure?.code} {m.measure?.content}
                </p>
                <p className="text-slate-600">依据：{m.measure?.legalBasis}</p>
                <p className="text-slate-600">
                  因列入：{LIST_KIND_LABELS[m.listKind]} · {m.entry?.list}
                  {m.entry?.decisionNo && `（${m.entry.decisionNo}）`}
                  {m.entry?.validUntil && `，有效期至 ${m.entry.validUntil}`}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
      {c.hitCount > 0 &&
        (c.feedbackAt ? (
          <section aria-labelledby="f" className="rounded border border-slate-200 bg-white p-4 text-sm">
            <h2 id="f" className="font-semibold">
              成效反馈（{formatTimeZh(c.feedbackAt)}）
            </h2>
            <p>
              已实施：
              {(c.applied ?? []).length === 0
                ? "无"
                : c.measures
                    .filter((m) => c.applied?.includes(m.measureId))
                    .map((m) => m.measure?.code)
                    .join("、")}
            </p>
            {c.feedbackNote && <p>说明：{c.feedbackNote}</p>}
          </section>
        ) : (
          <section aria-labelledby="f" className="rounded bg-white p-4 shadow">
            <h2 id="f" className="mb-2 font-semibold">
              反馈执行情况
            </h2>
            <ActionForm action={checkFeedbackAction} submit="提交反馈">
              <input type="hidden" name="checkId" value={c.id} />
              <fieldset>
                <legend className="text-sm font-medium">已实施的措施</legend>
                {c.measures.map((m) => (
                  <label key={`${m.measureId}-${m.entryId}`} className="mt-1 flex items-start gap-2 text-sm">
                    <input
                      type="checkbox"
                      name="applied"
                      value={m.measureId}
                      defaultChecked
                      className="mt-1"
                    />
                    <span>
                      {m.measure?.code} {m.measure?.content}
                    </span>
                  </label>
                ))}
              </fieldset>
              <StateTextArea label="说明" name="note" rows={3} hint="有措施未实施的，请说明理由。" />
            </ActionForm>
          </section>
        ))}
    </div>
  );
}
