import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Section } from "@/components/section";
import { parseSubjectCode } from "@/lib/subjects/subject-code";
import { firstParam } from "@/lib/web/query-string";
import { today } from "@/server/clock";
import { getDepartments } from "@/server/queries/departments";
import { getSubjectProfile } from "@/server/queries/profile";
import { getPolicy } from "@/server/settings";
import { TipoffForm } from "./tipoff-form";

export const metadata: Metadata = {
  title: "失信举报",
  description: "举报市场主体的失信行为：无需注册，凭案号和查询码查询办理结果",
};

/** Issue 23 §5: anyone reports dishonest conduct; from a profile's 「举报」 link the subject is already named. */
export default async function NewTipoffPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const raw = firstParam((await searchParams).subject);
  const code = raw ? parseSubjectCode(raw) : null;
  const profile = code && code.kind !== "invalid" ? await getSubjectProfile({ code, today: today() }) : null;
  const [departments, { tipoffAnswerWorkingDays: days }] = await Promise.all([getDepartments(), getPolicy()]);
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-bold">失信举报</h1>
      <p className="text-slate-700">
        任何单位和个人发现市场主体有失信行为（如制售假冒伪劣、拖欠工资、偷逃税款、合同欺诈、虚假宣传），均可向主管部门举报，无需注册。
        受理部门在 {days}{" "}
        个工作日内核查并答复。举报人信息和举报内容严格保密，不公开、不告知被举报人；对个人的举报同样受理，但不在本网站公开。
        故意捏造事实诬告他人的，依法承担责任。
      </p>
      <p className="text-sm">
        已提交过举报？
        <Link href="/reports/track" className="text-brand-700 underline">
          凭案号和查询码查询办理进度
        </Link>
      </p>
      <Section id="tipoff-form" title="举报失信行为">
        <div className="space-y-4 p-4">
          {profile && (
            <div className="rounded border border-slate-200 bg-slate-50 p-3 text-sm">
              <p className="text-slate-600">被举报主体</p>
              <p className="mt-1 font-medium">{profile.name}</p>
            </div>
          )}
          <TipoffForm
            subject={profile ? profile.code : null}
            departments={departments.map((d) => ({ value: String(d.id), label: d.name }))}
            submissionKey={randomUUID()}
            answerDays={days}
          />
        </div>
      </Section>
    </div>
  );
}
