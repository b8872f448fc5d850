import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { connection } from "next/server";
import { CommitmentBadges } from "@/components/commitment-badges";
import { GradeBadge } from "@/components/grade-badge";
import { Fields, ListSection, Section } from "@/components/section";
import { SeverityBadge } from "@/components/subject-flags";
import { GOV_DISHONESTY_LABELS, govCommitmentStanding } from "@/lib/platform/government";
import { parseSubjectCode } from "@/lib/subjects/subject-code";
import { formatDateZh } from "@/lib/web/format";
import { SELF_REPORT_CATEGORY_LABELS } from "@/lib/workflows/self-report";
import { today } from "@/server/clock";
import { getSubjectProfile, type SubjectProfile } from "@/server/queries/profile";

type Props = { params: Promise<{ code: string }> };

async function load(raw: string) {
  const code = parseSubjectCode(raw);
  if (code.kind === "invalid") notFound();
  if (code.kind === "uscc" && !code.canonical) permanentRedirect(`/subjects/${code.code}`);
  const profile = await getSubjectProfile({ code, today: today() });
  if (!profile) notFound();
  // an organisation is addressed by its USCC, never by the opaque id
  if (code.kind === "public_id" && profile.code !== code.id) permanentRedirect(`/subjects/${profile.code}`);
  return profile;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const code = parseSubjectCode((await params).code);
  if (code.kind === "invalid") return { title: "代码无效" };
  const p = await getSubjectProfile({ code, today: today() });
  if (!p) return { title: "未找到信用主体" };
  // issue 13 §6: an organisation's feed, found by feed readers from the page
  const feed = p.uscc ? { types: { "application/atom+xml": `/subjects/${p.uscc}/feed.xml` } } : undefined;
  return { title: `${p.name} 信用信息`, alternates: feed };
}

export default async function SubjectPage({ params }: Props) {
  await connection();
  const p = await load((await params).code);
  const negative =
    p.penalties.length +
    p.lists.seriousDishonesty.length +
    p.lists.keyAttention.length +
    p.lists.marketBan.length +
    p.breaches.length;
  const day = today();
  return (
    <div className="space-y-4">
      <nav aria-label="当前位置" className="text-sm text-slate-600">
        <Link href="/" className="underline">
          首页
        </Link>{" "}
        ›{" "}
        <Link href="/search" className="underline">
          信用查询
        </Link>{" "}
        › 信用信息
      </nav>
      <header className="space-y-2 rounded border border-slate-200 bg-white p-4">
        <h1 className="break-words text-2xl font-bold">{p.name}</h1>
        <div className="flex flex-wrap items-center gap-2">
          <GradeBadge grade={p.grade.grade} />
          <Link href={`/subjects/${p.code}/grade`} className="text-sm text-brand-700 underline">
            评价依据
          </Link>
          {p.uscc && (
            <a
              href={`/subjects/${p.uscc}/report.pdf`}
              className="ml-auto rounded border border-brand-700 px-3 py-1 text-sm text-brand-800 hover:bg-brand-50"
              download
            >
              下载信用报告（PDF）
            </a>
          )}
          {p.uscc && (
            <Link href="/verify" className="text-sm text-brand-700 underline">
              报告核验
            </Link>
          )}
          {p.uscc && (
            <a href={`/subjects/${p.uscc}/feed.xml`} className="text-sm text-brand-700 underline">
              订阅更新（Atom）
            </a>
          )}
          {p.uscc && (
            // issue 21: a business follows this subject in its portal (signing in first, and coming back here)
            <Link
              href={`/business/watchlist?follow=${p.uscc}#add`}
              className="rounded border border-slate-300 px-3 py-1 text-sm text-brand-800 hover:bg-brand-50"
            >
              关注该主体（企业账号）
            </Link>
          )}
          {/* issue 23 §5: a report about this subject goes to the department the reporter chooses */}
          <Link href={`/reports/new?subject=${p.code}`} className="text-sm text-brand-700 underline">
            举报失信行为
          </Link>
        </div>
        <Fields
          items={[
            ["统一社会信用代码", p.uscc && <span className="font-mono">{p.uscc}</span>],
            ["身份证号码", p.idNumberMasked && <span className="font-mono">{p.idNumberMasked}</span>],
            ["主体类型", p.kindLabel],
            ["法定代表人", p.legalRepresentative],
            ["所在地区", p.regionName],
            ["住所", p.address],
            ["成立日期", p.registeredOn && formatDateZh(p.registeredOn)],
          ]}
        />
      </header>

      <p
        role="status"
        className={`rounded border p-3 ${negative === 0 ? "border-emerald-300 bg-emerald-50 text-emerald-900" : "border-amber-300 bg-amber-50 text-amber-900"}`}
      >
        {negative === 0
          ? "该主体目前没有公示中的失信信息（行政处罚、违诺、严重失信主体名单、重点关注名单、市场禁入）。"
          : `该主体有 ${negative} 条公示中的失信信息，详见下方。`}
      </p>

      <Penalties p={p} day={day} />
      <ListSection id="breaches" title="违诺记录" items={p.breaches} empty="没有公示中的违诺记录。">
        {(c) => (
          <>
            <p className="font-medium">违反信用承诺：{c.title}</p>
            <p>{c.breachFinding}</p>
            <p className="flex flex-wrap gap-x-4 text-slate-600">
              <span>
                {c.dept} {c.breachedOn && formatDateZh(c.breachedOn)} 认定
              </span>
              <span className="font-medium text-slate-800">公示截止 {c.breachPublicUntil}</span>
              {c.breachRepairableFrom && (
                <RepairFrom from={c.breachRepairableFrom} day={day} type="commitment" id={c.id} />
              )}
            </p>
          </>
        )}
      </ListSection>
      <EntriesSection
        id="serious"
        title="严重失信主体名单"
        entries={p.lists.seriousDishonesty}
        empty="未列入严重失信主体名单。"
      />
      <EntriesSection
        id="key-attention"
        title="重点关注对象名单"
        entries={p.lists.keyAttention}
        empty="未列入重点关注对象名单。"
      />
      <EntriesSection
        id="market-ban"
        title="市场禁入"
        entries={p.lists.marketBan}
        empty="没有市场禁入记录。"
      />
      <EntriesSection
        id="red"
        title="守信激励（红名单）"
        entries={p.lists.red}
        empty="未列入红名单。"
        history={p.lists.redHistory}
      />
      <Licences p={p} />
      <Section
        id="self-reports"
        title="主体自主申报"
        count={p.selfReports.length}
        empty="没有经核验的自主申报信息。"
      >
        <ul className="divide-y divide-slate-200">
          {p.selfReports.map((r) => (
            <li key={r.id} className="space-y-1 px-4 py-3 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{r.title}</span>
                <span className="rounded bg-slate-100 px-1.5 text-xs">
                  {SELF_REPORT_CATEGORY_LABELS[r.category]}
                </span>
              </div>
              <p>{r.description}</p>
              <p className="text-slate-600">
                {r.issuer} · {formatDateZh(r.occurredOn)}
              </p>
              <p className="text-xs text-slate-600">
                主体自主申报，经 {r.verifier} 核验{r.verifiedOn && `（${formatDateZh(r.verifiedOn)}）`}
              </p>
            </li>
          ))}
        </ul>
      </Section>
      <ListSection
        id="commitments"
        title="信用承诺"
        items={p.commitments}
        empty="没有公开的信用承诺。"
        itemClass="space-y-1 px-4 py-3"
      >
        {(c) => (
          <>
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{c.title}</span>
              <CommitmentBadges type={c.type} fulfilment={c.fulfilment} />
            </div>
            <p className="text-sm text-slate-700">{c.content}</p>
            <p className="text-sm text-slate-600">
              {formatDateZh(c.signedOn)} 向{c.dept}作出
              {c.breachFinding && <span className="block text-red-800">违诺认定：{c.breachFinding}</span>}
            </p>
          </>
        )}
      </ListSection>
      {p.government && <GovernmentIntegrity g={p.government} day={day} />}
    </div>
  );
}

/** Issue 23 §6 政务诚信: an organ's promises to the public with their 履约 standing, and its dishonesty. */
function GovernmentIntegrity({ g, day }: { g: NonNullable<SubjectProfile["government"]>; day: string }) {
  return (
    <Section
      id="government"
      title="政务诚信"
      count={g.promises.length + g.dishonesty.length}
      empty="没有政务承诺和政务失信记录。"
    >
      <ul className="divide-y divide-slate-200">
        {g.dishonesty.map((r) => (
          <li key={`d${r.id}`} className="space-y-1 px-4 py-3">
            <p className="font-medium">
              <span className={r.settledOn ? "text-slate-600" : "text-red-800"}>
                【政务失信{r.settledOn ? "·已履行" : ""}】
              </span>
              {GOV_DISHONESTY_LABELS[r.kind]}
            </p>
            <p className="text-sm text-slate-700">
              {r.description}
              {r.amount && `（涉及金额 ${Number(r.amount)} 万元）`}
            </p>
            <p className="text-sm text-slate-600">
              {r.documentNo} · {formatDateZh(r.decidedOn)} · {r.dept}记录
              {r.settledOn && ` · ${formatDateZh(r.settledOn)} 已履行`}
            </p>
          </li>
        ))}
        {g.promises.map((c) => (
          <li key={`p${c.id}`} className="space-y-1 px-4 py-3">
            <p className="font-medium">
              【政务承诺·{govCommitmentStanding(c, day)}】{c.title}
            </p>
            <p className="text-sm text-slate-700">{c.content}</p>
            <p className="text-sm text-slate-600">
              {formatDateZh(c.madeOn)} 向{c.counterparty}作出
              {c.dueOn && `，履约期限 ${formatDateZh(c.dueOn)}`}
              {c.statusNote && `；${c.statusNote}`}
            </p>
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** DOMAIN §8: every displayed record can be objected to, by anyone. */
function ObjectTo({
  type,
  id,
  what,
}: {
  type: "penalty" | "licence" | "list_entry";
  id: number;
  what: string;
}) {
  return (
    <Link href={`/objections?type=${type}&id=${id}`} className="text-brand-700 underline">
      对此信息有异议<span className="sr-only">（{what}）</span>
    </Link>
  );
}

/** 「可申请信用修复 自 …」: a link to the application once the day has come (issue 11 §4). */
function RepairFrom({ from, day, type, id }: { from: string; day: string; type: string; id: number }) {
  if (from > day) return <span>可申请信用修复 自 {from}</span>;
  return (
    <Link href={`/business/repairs/new?type=${type}&id=${id}`} className="text-brand-700 underline">
      可申请信用修复 自 {from}
    </Link>
  );
}

function Penalties({ p, day }: { p: SubjectProfile; day: string }) {
  return (
    <ListSection
      id="penalties"
      title="行政处罚"
      items={p.penalties}
      empty="没有公示期内的行政处罚。"
      itemClass="space-y-1 px-4 py-3"
    >
      {(x) => (
        <>
          <div className="flex flex-wrap items-center gap-2">
            <Link href={`/penalties/${x.id}`} className="font-medium text-brand-700 underline">
              {x.decisionNo}
            </Link>
            <SeverityBadge severity={x.severity} />
            {x.underVerification && (
              <span className="rounded bg-sky-100 px-1.5 text-xs text-sky-900">核实中</span>
            )}
          </div>
          <p className="text-sm">
            {x.violationType}：{x.penaltyContent}
          </p>
          <p className="flex flex-wrap gap-x-4 text-sm text-slate-600">
            <span>
              {x.authority} {formatDateZh(x.decisionDate)} 作出
            </span>
            <span className="font-medium text-slate-800">公示截止 {x.publicUntil}</span>
            <RepairFrom from={x.repairableFrom} day={day} type="penalty" id={x.id} />
            <ObjectTo type="penalty" id={x.id} what={x.decisionNo} />
          </p>
        </>
      )}
    </ListSection>
  );
}

function EntriesSection({
  id,
  title,
  entries,
  empty,
  history = [],
}: {
  id: string;
  title: string;
  entries: SubjectProfile["lists"]["red"];
  empty: string;
  /** entries whose validity ended: shown folded, as history (DOMAIN §4) */
  history?: SubjectProfile["lists"]["red"];
}) {
  const item = (e: SubjectProfile["lists"]["red"][number]) => (
    <li key={e.id} className="space-y-1 px-4 py-3 text-sm">
      <div className="font-medium">
        {e.listName}
        {e.underVerification && (
          <span className="ml-2 rounded bg-sky-100 px-1.5 text-xs text-sky-900">核实中</span>
        )}
      </div>
      <Fields
        items={[
          ["认定单位", e.dept],
          ["认定依据", e.basis],
          ["认定日期", e.decisionDate],
          ["有效期", `${e.validFrom ?? ""} 至 ${e.validUntil ?? "长期"}`],
          ["禁入领域", e.bannedField],
          ["事由", e.facts],
        ]}
      />
      <p>
        <ObjectTo type="list_entry" id={e.id} what={e.listName} />
      </p>
    </li>
  );
  return (
    <Section id={id} title={title} count={entries.length}>
      {entries.length === 0 && <p className="px-4 py-3 text-slate-600">{empty}</p>}
      <ul className="divide-y divide-slate-200 empty:hidden">{entries.map(item)}</ul>
      {history.length > 0 && (
        <details className="border-t border-slate-200">
          <summary className="cursor-pointer px-4 py-2 text-sm text-brand-700">
            已过有效期（{history.length}）
          </summary>
          <ul className="divide-y divide-slate-200">{history.map(item)}</ul>
        </details>
      )}
    </Section>
  );
}

function Licences({ p }: { p: SubjectProfile }) {
  const item = (l: SubjectProfile["licences"]["current"][number]) => (
    <li key={l.id} className="space-y-0.5 px-4 py-3 text-sm">
      <Link href={`/licences/${l.id}`} className="font-medium text-brand-700 underline">
        {l.certificateName ?? l.decisionTitle}
      </Link>
      {l.underVerification && (
        <span className="ml-2 rounded bg-sky-100 px-1.5 text-xs text-sky-900">核实中</span>
      )}
      <p>{l.content}</p>
      <p className="flex flex-wrap gap-x-4 text-slate-600">
        <span>
          {l.authority} · {l.decisionNo} · 有效期 {l.validFrom} 至 {l.validTo ?? "长期"}
        </span>
        <ObjectTo type="licence" id={l.id} what={l.decisionNo} />
      </p>
    </li>
  );
  return (
    <Section
      id="licences"
      title="行政许可"
      count={p.licences.current.length}
      empty="没有有效期内的行政许可。"
    >
      <ul className="divide-y divide-slate-200">{p.licences.current.map(item)}</ul>
      {p.licences.history.length > 0 && (
        <details className="border-t border-slate-200">
          <summary className="cursor-pointer px-4 py-2 text-sm text-brand-700">
            已过有效期的行政许可（{p.licences.history.length}）
          </summary>
          <ul className="divide-y divide-slate-200">{p.licences.history.map(item)}</ul>
        </details>
      )}
    </Section>
  );
}
