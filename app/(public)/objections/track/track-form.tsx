"use client";

import { ActionForm } from "@/components/action-form";
import { CaseKeyFields } from "@/components/case-key-fields";
import { answerDue, CaseTracking } from "@/components/public-case";
import type { ObjectionTracking } from "@/server/queries/objections";
import { trackObjectionAction } from "../actions";

/** DOMAIN §8: the state and the answer, for the case number and secret together; the form stays for another. */
export function TrackForm() {
  return (
    <ActionForm
      action={trackObjectionAction}
      submit="查询"
      done={(answer) => {
        const t = (answer.data as { tracking?: ObjectionTracking } | undefined)?.tracking;
        return t ? <Tracking t={t} /> : null;
      }}
      className="space-y-4 rounded border border-slate-200 bg-white p-4"
    >
      <CaseKeyFields />
    </ActionForm>
  );
}

function Tracking({ t }: { t: ObjectionTracking }) {
  return (
    <CaseTracking
      t={t}
      again="/objections/track"
      fields={[
        ["异议的信息", t.record],
        ["提交日期", t.submittedOn],
        ["答复时限", answerDue(t.due)],
        ["办结日期", t.closedOn ?? ""],
        ["更正内容", t.correction ?? ""],
        ["答复理由", t.outcomeReason ?? ""],
      ]}
    />
  );
}
