"use client";

import { ActionForm } from "@/components/action-form";
import { CaseKeyFields } from "@/components/case-key-fields";
import { answerDue, CaseTracking } from "@/components/public-case";
import type { trackTipoff } from "@/server/services/cases/tipoffs";
import { trackTipoffAction } from "../actions";

type Tracking = NonNullable<Awaited<ReturnType<typeof trackTipoff>>>;

/** The case's state and answer for its number and secret together. */
export function TrackTipoffForm() {
  return (
    <ActionForm
      action={trackTipoffAction}
      submit="查询"
      done={(answer) => {
        const t = (answer.data as { tracking?: Tracking } | undefined)?.tracking;
        return t ? <Result t={t} /> : null;
      }}
      className="space-y-4 rounded border border-slate-200 bg-white p-4"
    >
      <CaseKeyFields example="JB20261205000001" />
    </ActionForm>
  );
}

function Result({ t }: { t: Tracking }) {
  return (
    <CaseTracking
      t={t}
      again="/reports/track"
      fields={[
        ["被举报主体", t.subject],
        ["受理部门", t.dept],
        ["提交日期", t.submittedOn],
        ["答复时限", answerDue(t.due)],
        ["办结日期", t.closedOn ?? ""],
        ["办理意见", t.outcomeReason ?? ""],
      ]}
    />
  );
}
