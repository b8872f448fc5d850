import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Section } from "@/components/section";
import { CASE_FILE_MAX_COUNT } from "@/lib/records/case-file";
import { intParam } from "@/lib/web/query-string";
import { OBJECTION_TARGETS } from "@/lib/workflows/objection";
import { today } from "@/server/clock";
import { getObjectionTarget } from "@/server/queries/objections";
import { getPolicy } from "@/server/settings";
import { ObjectionForm } from "./objection-form";

export const metadata: Metadata = {
  title: "异议申诉",
  description: "对本网站公示的信用信息提出异议：无需注册，凭案号和查询码查询办理结果",
};

/**
 * DOMAIN §8 for the public: anyone objects to one displayed record, without an account. Reached from a record's
 * 「对此信息有异议」 link (?type=&id=); without one, the page says how to find the record.
 */
export default async function ObjectionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const sp = await searchParams;
  const type = OBJECTION_TARGETS.find((t) => t === sp.type);
  const id = intParam(sp.id);
  const target = type && id !== undefined ? await getObjectionTarget(type, id, today()) : null;
  const { objectionAnswerWorkingDays: days } = await getPolicy();
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-bold">异议申诉</h1>
      <p className="text-slate-700">
        任何单位和个人认为本网站公示的信用信息有误（如记录与事实不符、已被撤销或变更、主体对应错误），
        均可提出异议，无需注册。办理部门在 {days}{" "}
        个工作日内核实并答复：信息有误的予以更正或撤销，无误的维持并说明理由。
        核实期间，该信息标注“核实中”，不计入信用评价，也不作为联合惩戒的依据。
      </p>
      <p className="text-sm">
        已提交过异议？
        <Link href="/objections/track" className="text-brand-700 underline">
          凭案号和查询码查询办理进度
        </Link>
      </p>
      {target && type && id !== undefined ? (
        <Section id="objection-form" title="提出异议">
          <div className="space-y-4 p-4">
            <div className="rounded border border-slate-200 bg-slate-50 p-3 text-sm">
              <p className="text-slate-600">异议的信息</p>
              <p className="mt-1 font-medium">{target.label}</p>
              <p className="mt-1">
                信用主体：
                <Link href={`/subjects/${target.subject.code}`} className="text-brand-700 underline">
                  {target.subject.name}
                </Link>
              </p>
              {target.underVerification && (
                <p className="mt-1 text-sky-900">该信息已有异议正在核实中，您仍可提交新的异议或补充材料。</p>
              )}
            </div>
            <ObjectionForm targetType={type} targetId={id} submissionKey={randomUUID()} answerDays={days} />
          </div>
        </Section>
      ) : (
        <Section id="how" title="如何提出异议">
          <div className="space-y-2 p-4 text-sm leading-relaxed">
            {sp.type !== undefined && (
              <p
                role="alert"
                className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950"
              >
                未找到该信息：它可能已撤销、已修复或公示期已满，已不在本网站公示，无需提出异议。
              </p>
            )}
            <ol className="list-decimal space-y-1 pl-5">
              <li>
                在
                <Link href="/search" className="text-brand-700 underline">
                  信用查询
                </Link>
                中按名称或统一社会信用代码找到该信用主体，打开其信用信息页。
              </li>
              <li>在有误的那条行政处罚、行政许可或名单信息旁，点击「对此信息有异议」。</li>
              <li>
                填写姓名或单位名称、联系方式和异议理由，可附证明材料（PDF、JPG 或 PNG，每个不超过 10 MB，最多{" "}
                {CASE_FILE_MAX_COUNT} 个）。
              </li>
              <li>提交后获得案号和查询码，凭二者在本网站查询办理进度和结果。</li>
            </ol>
            <p className="text-slate-600">
              同一联系人对同一条信息的异议在办结前只受理一件，再次提交的理由和材料并入原案。为防止滥用，
              表单提交前由浏览器自动完成一次计算校验，同一网络地址每小时最多提交 10 件。
            </p>
          </div>
        </Section>
      )}
    </div>
  );
}
