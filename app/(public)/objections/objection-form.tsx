"use client";

import { ActionForm, StateField, StateTextArea } from "@/components/action-form";
import { CaseFilesInput } from "@/components/case-files-input";
import { PowField } from "@/components/pow-field";
import { receiptOnce } from "@/components/public-case";
import { submitObjectionAction } from "./actions";

/** The public objection form (DOMAIN §8); on success the case number and the secret replace it, shown once. */
export function ObjectionForm({
  targetType,
  targetId,
  submissionKey,
  answerDays,
}: {
  targetType: string;
  targetId: number;
  submissionKey: string;
  answerDays: number;
}) {
  return (
    <ActionForm
      action={submitObjectionAction}
      submit="提交异议"
      pendingText="正在提交…"
      multipart
      done={receiptOnce({
        what: "异议",
        next: (due) =>
          `办理部门应在 ${answerDays} 个工作日内（${due} 前）答复；核实期间该记录在本网站标注“核实中”，不计入信用评价和惩戒。`,
        track: { href: "/objections/track", label: "查询异议办理进度" },
      })}
    >
      <input type="hidden" name="submissionKey" value={submissionKey} />
      <input type="hidden" name="targetType" value={targetType} />
      <input type="hidden" name="targetId" value={targetId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <StateField label="异议人姓名或单位名称" name="name" required maxLength={64} autoComplete="name" />
        <StateField
          label="联系方式"
          name="contact"
          required
          maxLength={128}
          hint="手机号码、固定电话或电子邮箱，办理部门核实时联系您"
        />
      </div>
      <StateTextArea
        label="异议理由"
        name="reason"
        required
        maxLength={2000}
        hint="请说明该信息哪里有误、正确的情况是什么（至少 10 个字）"
      />
      <CaseFilesInput
        label="证明材料（可选）"
        hint="如生效的复议决定、判决书、缴款凭证。PDF、JPG 或 PNG，每个不超过 10 MB，最多 5 个。"
      />
      <PowField challengeUrl="/objections/challenge" />
    </ActionForm>
  );
}
