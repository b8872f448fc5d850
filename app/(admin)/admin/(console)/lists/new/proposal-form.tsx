"use client";

import { ActionForm, StateField, StateSelect, StateTextArea } from "@/components/action-form";
import { proposeListingAction } from "../actions";

/** The operator's proposal; the 有效期 defaults to the chosen list kind's setting. */
export function ProposalForm({
  lists,
  uscc,
  statementDays,
}: {
  lists: { id: number; name: string; kindLabel: string; months: number }[];
  uscc?: string;
  statementDays: number;
}) {
  return (
    <ActionForm action={proposeListingAction} submit="提出建议并告知当事人" pendingText="正在提交…">
      <div className="grid gap-4 sm:grid-cols-2">
        <StateField label="统一社会信用代码" name="uscc" required maxLength={18} defaultValue={uscc} />
        <StateSelect
          label="名单"
          name="listId"
          options={lists.map((l) => ({
            value: String(l.id),
            label: `${l.name}（${l.kindLabel}，默认 ${l.months} 个月）`,
          }))}
        />
      </div>
      <StateTextArea label="失信行为 / 守信事实" name="facts" required maxLength={4000} rows={4} />
      <StateTextArea
        label="认定依据"
        name="basis"
        required
        maxLength={2000}
        rows={3}
        hint="法律、法规或规章的名称和条款"
      />
      <StateTextArea
        label="所依据的行政处罚决定书文号"
        name="basisRecords"
        maxLength={2000}
        rows={2}
        hint="该主体的行政处罚决定书文号，每行一个；严重失信、重点关注和市场禁入必填，红名单可不填"
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <StateField
          label="拟定有效期（月）"
          name="validityMonths"
          type="number"
          min={1}
          max={120}
          hint="自认定之日起计算；不填则按所选名单的默认有效期"
        />
        <StateField label="禁入的行业或领域（仅市场禁入）" name="bannedField" maxLength={128} />
      </div>
      <p className="text-sm text-slate-600">
        严重失信、重点关注和市场禁入：提交即记录告知，当事人可在 {statementDays}{" "}
        个工作日内通过企业账号陈述申辩；告知书可在下一页打印送达。红名单不需告知。
      </p>
    </ActionForm>
  );
}
