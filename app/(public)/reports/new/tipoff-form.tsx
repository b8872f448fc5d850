"use client";

import Link from "next/link";
import { ActionForm, StateField, StateSelect, StateTextArea } from "@/components/action-form";
import { CaseFilesInput } from "@/components/case-files-input";
import { PowField } from "@/components/pow-field";
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
      done={(answer) => {
        const d = answer.data as { caseNo: string; secret?: string; answerDueOn?: string } | undefined;
        if (!d) return null;
        return (
          <div
            role="status"
            className="space-y-3 rounded border border-green-300 bg-green-50 p-4 text-green-950"
          >
            {d.secret ? (
              <>
                <p className="font-semibold">
                  举报已提交。请记下以下案号和查询码，凭二者查询办理进度和结果：
                </p>
                <dl className="grid gap-2 sm:grid-cols-[auto_1fr]">
                  <dt className="text-sm">案号</dt>
                  <dd className="font-mono text-lg font-bold" data-testid="case-no">
                    {d.caseNo}
                  </dd>
                  <dt className="text-sm">查询码</dt>
                  <dd className="font-mono text-lg font-bold" data-testid="case-secret">
                    {d.secret}
                  </dd>
                </dl>
                <p className="text-sm">
                  查询码只显示这一次，遗失后无法找回。受理部门应在 {answerDays} 个工作日内（{d.answerDueOn}{" "}
                  前）答复。 举报内容和举报人信息不公开，也不告知被举报主体。
                </p>
              </>
            ) : (
              <p>{answer.message}</p>
            )}
            <p>
              <Link href="/reports/track" className="text-brand-700 underline">
                查询举报办理进度
              </Link>
            </p>
          </div>
        );
      }}
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
