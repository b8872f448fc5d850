"use client";

import { ActionForm, StateField, StateSelect, StateTextArea } from "@/components/action-form";
import { CaseFilesInput } from "@/components/case-files-input";
import { PowField } from "@/components/pow-field";
import { receiptOnce } from "@/components/public-case";
import { submitTipoffAction } from "../actions";

/** 失信举报 (issue 23 §5); on success the case number and the secret replace the form, shown once. */
export function TipoffForm({
  subject,
  departments,
  submissionKey,
  answerDays,
}: {
  /** the subject's code when the reporter came from its profile; otherwise the reporter types it */
  subject: string | null;
  departments: { value: string; label: string }[];
  submissionKey: string;
  answerDays: number;
}) {
  return (
    <ActionForm
      action={submitTipoffAction}
      submit="提交举报"
      pendingText="正在提交…"
      multipart
      noValidate
      done={receiptOnce({
        what: "举报",
        next: (due) =>
          `受理部门应在 ${answerDays} 个工作日内（${due} 前）答复。举报内容和举报人信息不公开，也不告知被举报主体。`,
        track: { href: "/reports/track", label: "查询举报办理进度" },
      })}
    >
      <input type="hidden" name="submissionKey" value={submissionKey} />
      {subject ? (
        <input type="hidden" name="subject" value={subject} />
      ) : (
        <StateField
          label="被举报主体的统一社会信用代码"
          name="subject"
          required
          maxLength={40}
          autoComplete="off"
        />
      )}
      <StateSelect label="受理部门" name="deptId" options={departments} emptyLabel="请选择主管该事项的部门" />
      <div className="grid gap-4 sm:grid-cols-2">
        <StateField label="举报人姓名或单位名称" name="name" required maxLength={64} autoComplete="name" />
        <StateField
          label="联系方式"
          name="contact"
          required
          maxLength={128}
          hint="手机号码、固定电话或电子邮箱；办理部门据此联系您，办理进展也发送至此"
        />
      </div>
      <StateTextArea
        label="举报内容"
        name="content"
        required
        maxLength={3000}
        hint="请写明失信行为发生的时间、地点、经过和涉及的金额或人数（至少 20 个字）"
      />
      <CaseFilesInput
        label="证据材料（可选）"
        hint="合同、票据、照片等。PDF、JPG 或 PNG，每个不超过 10 MB，最多 5 个。"
      />
      <PowField challengeUrl="/objections/challenge" />
    </ActionForm>
  );
}
