"use client";

import { StateField } from "./action-form";

/** A public case's number and tracking secret, as its tracking (and an objection's supplement) form asks for them. */
export function CaseKeyFields({ example = "YY20261202000001" }: { example?: string }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <StateField
        label="案号"
        name="caseNo"
        required
        maxLength={20}
        placeholder={example}
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
