import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SmallActionForm } from "@/components/form";
import { ListEntryView } from "@/components/list-entry-view";
import { intParam } from "@/lib/web/query-string";
import { auditDenied, requireBusiness } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { getListDecision } from "@/server/queries/list-decisions";
import { acknowledgeNoticeAction } from "../../actions";
import { StatementForm } from "./statement-form";

export const metadata: Metadata = { title: "信用告知" };

/** The business reads a 告知 about itself and states its defence (DOMAIN §5) while the period runs. */
export default async function BusinessListNoticePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireBusiness();
  const { id } = await params;
  const n = intParam(id);
  const day = today();
  const d = n !== undefined ? await getListDecision({ viewer: user, id: n, today: day }) : null;
  if (!d) {
    await auditDenied(user, "查看非本企业的信用告知", { type: "list_entry", id: String(id).slice(0, 32) });
    notFound();
  }
  // the machine decides whether the defence may be stated now (served, once, before the deadline)
  const canState = d.events.some((e) => e.event === "state" && e.refused === null);
  const unserved = d.state === "notified" && d.notice !== null && d.notice.servedOn === null;
  return (
    <div className="space-y-4">
      <Link href="/business" className="text-sm text-brand-700 underline">
        ← 返回我的信用
      </Link>
      {unserved && (
        <section
          aria-labelledby="sign-notice"
          className="space-y-2 rounded border border-amber-300 bg-amber-50 p-4 text-amber-950"
        >
          <h2 id="sign-notice" className="text-lg font-semibold">
            请签收信用告知书
          </h2>
          <p className="text-sm">
            认定机关已向本企业作出信用告知（{d.caseNo}
            ）。请阅读下方告知内容后签收：签收时间即为送达时间，陈述申辩期自送达之日起计算 {d.statementDays}{" "}
            个工作日。
          </p>
          <SmallActionForm
            action={acknowledgeNoticeAction}
            fields={{ id: d.id }}
            label="已阅读，签收告知书"
          />
        </section>
      )}
      <ListEntryView entry={d} factsTitle="拟认定的事实" statementTitle="本企业的陈述申辩" />
      {canState && (
        <section aria-labelledby="state-defence" className="rounded border border-slate-200 bg-white p-4">
          <h2 id="state-defence" className="mb-2 text-lg font-semibold">
            陈述申辩
          </h2>
          <p className="mb-3 text-sm text-slate-700">
            本企业享有陈述、申辩的权利。请于 {d.statementDeadline}{" "}
            前提交；逾期未提交的，视为放弃。认定机关将在考虑您的意见后作出认定或不予认定的决定。
          </p>
          <StatementForm id={d.id} />
        </section>
      )}
    </div>
  );
}
