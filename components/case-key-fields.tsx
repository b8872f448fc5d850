"use client";

import { StateField } from "./action-form";

/** An objection's case number and tracking secret, as both the tracking and the supplement forms ask for them. */
export function CaseKeyFields() {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <StateField
        label="案号"
        name="caseNo"
        required
        maxLength={20}
        placeholder="YY20261202000001"
        autoComplete="off"
      />
      <StateField
        label="查询码"
        name="secret"
        required
        maxLength={20}
        placeholder="XXXX-XXXX-XXXX"
        autoComplete="off"
        spellCheck={false}
      />
    </div>
  );
}
