import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Section } from "@/components/section";
import { CASE_FILE_MAX_COUNT } from "@/lib/records/case-file";
import { PUBLICITY_MONTHS } from "@/lib/records/publicity";
import { LIST_REPAIR_MIN_MONTHS } from "@/lib/records/repair-eligibility";
import { getPolicy } from "@/server/settings";

export const metadata: Metadata = {
  title: "信用修复",
  description: "信用修复的申请条件、申请材料、办理流程和时限",
};

/** DOMAIN §7 for the public: who may apply, when, with what, and how long it takes. Figures come from the rules. */
export default async function RepairGuidePage() {
  await connection();
  const policy = await getPolicy();
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-bold">信用修复</h1>
      <p className="text-slate-700">
        市场主体纠正失信行为、履行法定义务后，可以对公示中的失信信息申请信用修复。修复成功的，相关信息停止公示：
        不再出现在信用信息页、“双公示”栏目、名单、数据下载、订阅和接口中，信用评价随之更新。
      </p>
      <p>
        <Link
          href="/business"
          className="inline-block rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
        >
          登录企业服务，在线申请
        </Link>
        <span className="ml-3 text-sm text-slate-600">
          没有账号？
          <Link href="/business/register" className="text-brand-700 underline">
            注册企业账号
          </Link>
        </span>
      </p>
      <Section id="who" title="谁可以申请">
        <ul className="list-disc space-y-1 py-3 pl-9 pr-4 text-sm">
          <li>失信信息所涉的市场主体本身，通过企业服务账号申请。</li>
          <li>
            可申请修复的信息：行政处罚、违反信用承诺（违诺）、严重失信主体名单和重点关注对象名单的列入信息。
          </li>
        </ul>
      </Section>
      <Section id="when" title="申请条件">
        <ul className="list-disc space-y-1 py-3 pl-9 pr-4 text-sm">
          <li>
            最短公示期已届满：一般失信行政处罚 {PUBLICITY_MONTHS.general.min} 个月，严重失信行政处罚{" "}
            {PUBLICITY_MONTHS.serious.min} 个月， 违诺 {PUBLICITY_MONTHS.general.min}{" "}
            个月；严重失信主体名单列入满 {LIST_REPAIR_MIN_MONTHS.serious_dishonesty} 个月，
            重点关注对象名单列入满 {LIST_REPAIR_MIN_MONTHS.key_attention}{" "}
            个月。每条失信信息旁注明“可申请信用修复 自 某日”。
          </li>
          <li>已履行行政处罚等决定确定的法定义务，已纠正失信行为。</li>
          <li>
            同一条信息的修复申请经审核不予修复的，{policy.repairRetryMonths}{" "}
            个月内不能再次申请；因材料不全不予受理的，补齐后可随时重新申请。
          </li>
          <li>法律、法规规定不可修复的信息（如终身禁入），不予修复。市场禁入期满自动停止公示。</li>
        </ul>
      </Section>
      <Section id="materials" title="申请材料">
        <ol className="list-decimal space-y-1 py-3 pl-9 pr-4 text-sm">
          <li>信用修复申请书：在线填写后由系统生成。</li>
          <li>信用修复承诺书：在申请时一并在线签署，审核同意后向社会公开。</li>
          <li>
            履行法定义务、纠正失信行为的证明材料：PDF、JPG 或 PNG 格式，每个不超过 10 MB，最多{" "}
            {CASE_FILE_MAX_COUNT} 个。材料仅申请人和办理部门可以查看。
          </li>
        </ol>
      </Section>
      <Section id="steps" title="办理流程和时限">
        <ol className="list-decimal space-y-1 py-3 pl-9 pr-4 text-sm">
          <li>提交申请：系统即时检查申请条件，不符合的当场告知原因和可申请的日期。</li>
          <li>
            受理：作出该信息的部门在 {policy.repairAcceptWorkingDays}{" "}
            个工作日内决定受理或不予受理（说明理由）。
          </li>
          <li>
            决定：受理后 {policy.repairDecideWorkingDays}{" "}
            个工作日内作出同意修复或不予修复（说明理由）的决定。录入该信息的工作人员不参与审核。
          </li>
          <li>同意修复的，该信息即时停止公示，在企业服务中显示“已修复”。</li>
        </ol>
        <p className="px-4 pb-3 text-sm text-slate-600">
          工作日按国家法定节假日和调休安排计算。每一步都会通知申请人，并记入办理过程和审计日志。
        </p>
      </Section>
    </div>
  );
}
