import type { Metadata } from "next";
import Link from "next/link";
import { SmallActionForm } from "@/components/form";
import { Section } from "@/components/section";
import { normalizeUscc } from "@/lib/subjects/uscc";
import { formatTimeZh } from "@/lib/web/format";
import { firstParam, queryString } from "@/lib/web/query-string";
import { requireBusiness } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { getWatchlist } from "@/server/queries/subject-feed";
import { getWebhooks } from "@/server/queries/webhooks";
import { deleteWebhookAction, resumeWebhookAction } from "./actions";
import { UnwatchForm, WatchForm, WebhookForm } from "./forms";

export const metadata: Metadata = { title: "关注的主体" };

/** Issue 13 §6 (2014 plan 预警): the organisations this account deals with, and what changed about them. */
export default async function WatchlistPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // from a profile's 关注 link: the code to follow, kept through signing in
  const follow = normalizeUscc(firstParam((await searchParams).follow) ?? "").slice(0, 18);
  const user = await requireBusiness(`/business/watchlist${queryString({ follow: follow || undefined })}`);
  const [list, hooks] = await Promise.all([getWatchlist(user.id, today()), getWebhooks({ userId: user.id })]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">关注的主体</h1>
      <p className="text-slate-700">
        关注与本单位有业务往来的企业，它们新增的行政处罚、行政许可、名单列入或移出会显示在这里（关注之日或近
        90 天以来）。 也可以在对方的信用信息页订阅 Atom。
      </p>
      <Section id="add" title="添加关注">
        <div className="p-4">
          <WatchForm uscc={follow || undefined} />
        </div>
      </Section>
      {list.length === 0 && <p className="text-slate-600">还没有关注任何主体。</p>}
      <Section id="webhooks" title="推送（Webhook）" count={hooks.length} empty="">
        <div className="space-y-3 p-4 text-sm">
          <p className="text-slate-700">
            登记一个 https
            地址，关注的主体新增公示的行政处罚、行政许可，或列入、移出名单时，本网站会把消息推送到该地址（签名、失败重试；连续
            10 次失败将暂停，并发站内信告知）。
          </p>
          {hooks.map((h) => (
            <div key={h.id} className="space-y-2 rounded border border-slate-200 p-3">
              <p className="flex flex-wrap items-center gap-2">
                <span className="break-all font-mono">{h.url}</span>
                <span
                  className={`rounded px-1.5 text-xs ${h.status === "active" ? "bg-emerald-50 text-emerald-800" : "bg-red-100 text-red-800"}`}
                >
                  {h.status === "active" ? "推送中" : "已暂停"}
                </span>
                {h.status === "paused" && (
                  <SmallActionForm action={resumeWebhookAction} fields={{ id: h.id }} label="恢复推送" />
                )}
                <SmallActionForm
                  action={deleteWebhookAction}
                  fields={{ id: h.id }}
                  label="删除"
                  danger
                  confirm={`删除推送地址 ${h.url}？`}
                />
              </p>
              {h.pausedReason && <p className="text-red-800">{h.pausedReason}</p>}
              {h.deliveries.length > 0 ? (
                <table className="w-full text-left text-xs">
                  <caption className="sr-only">最近的推送</caption>
                  <thead className="text-slate-600">
                    <tr>
                      <th className="py-1 pr-2">时间</th>
                      <th className="py-1 pr-2">内容</th>
                      <th className="py-1 pr-2">结果</th>
                      <th className="py-1">答复</th>
                    </tr>
                  </thead>
                  <tbody>
                    {h.deliveries.map((d) => (
                      <tr key={d.id} className="border-t border-slate-100 align-top">
                        <td className="whitespace-nowrap py-1 pr-2">{formatTimeZh(d.at)}</td>
                        <td className="py-1 pr-2">{d.summary}</td>
                        <td className="whitespace-nowrap py-1 pr-2">
                          {d.state === "delivered"
                            ? "已送达"
                            : d.state === "failed"
                              ? "失败"
                              : `重试中（第 ${d.attempts} 次）`}
                        </td>
                        <td className="break-all py-1">{d.answer ?? "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <p className="text-slate-600">还没有推送记录。</p>
              )}
            </div>
          ))}
          {hooks.length < 3 && <WebhookForm />}
        </div>
      </Section>
      {list.map((w) => (
        <Section
          key={w.subjectId}
          id={`w-${w.subjectId}`}
          title={w.name}
          count={w.changes.length}
          empty="关注以来没有新的公示信息。"
        >
          <div className="flex flex-wrap items-center gap-4 px-4 pt-3 text-sm">
            <Link href={`/subjects/${w.uscc}`} className="text-brand-700 underline">
              信用信息页
            </Link>
            <span className="text-slate-600">{w.addedOn} 起关注</span>
            <UnwatchForm subjectId={w.subjectId} name={w.name} />
          </div>
          {w.changes.length === 0 && (
            <p className="px-4 py-3 text-sm text-slate-600">关注以来没有新的公示信息。</p>
          )}
          <ul className="divide-y divide-slate-100 text-sm">
            {w.changes.map((c) => (
              <li key={c.id} className="px-4 py-2">
                <Link href={c.link} className="text-brand-700 underline">
                  {c.title}
                </Link>
                <span className="ml-2 text-slate-600">{c.summary}</span>
              </li>
            ))}
          </ul>
        </Section>
      ))}
    </div>
  );
}
