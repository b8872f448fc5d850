import type { Metadata } from "next";
import { ActionForm, StateField, StateSelect, StateTextArea } from "@/components/action-form";
import { DataTable } from "@/components/data-table";
import {
  GOV_DISHONESTY_KINDS,
  GOV_DISHONESTY_LABELS,
  govCommitmentStanding,
} from "@/lib/platform/government";
import { requireRole } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { governmentLists } from "@/server/queries/government";
import {
  govCommitmentAction,
  govCommitmentStatusAction,
  govDishonestyAction,
  settleGovDishonestyAction,
} from "../actions";

export const metadata: Metadata = { title: "政务诚信" };

/** Issue 23 §6: organs' and public institutions' promises and dishonesty, recorded by the departments. */
export default async function GovernmentAdminPage() {
  const user = await requireRole("operator", "supervisor");
  const day = today();
  const { promises, dishonesty } = await governmentLists({ today: day, all: true });
  const writer = user.roles.includes("operator");
  const mine = (deptId: number) => writer && deptId === user.departmentId;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">政务诚信</h1>
      <p className="max-w-3xl text-sm text-slate-600">
        机关和事业单位对社会作出的承诺（招商引资、政府采购合同、公共服务承诺等）及其履约情况，以及拖欠账款、失信被执行等政务失信记录，
        与市场主体同一标准公示于主体信用档案和“政务诚信”公开名单。
      </p>
      <section aria-labelledby="p" className="space-y-2">
        <h2 id="p" className="text-lg font-semibold">
          政务承诺
        </h2>
        <DataTable
          headers={["承诺主体", "承诺事项", "承诺对象", "承诺日期 / 期限", "履约情况", ""]}
          empty={promises.length === 0 && "尚无政务承诺。"}
        >
          {promises.map((c) => (
            <tr key={c.id} className="border-t border-slate-100 align-top">
              <td className="px-3 py-2">{c.subject}</td>
              <td className="px-3 py-2">{c.title}</td>
              <td className="px-3 py-2">{c.counterparty}</td>
              <td className="px-3 py-2">
                {c.madeOn}
                {c.dueOn && ` / ${c.dueOn}`}
              </td>
              <td className="px-3 py-2">
                {govCommitmentStanding(c, day)}
                {c.statusNote && <span className="block text-xs text-slate-600">{c.statusNote}</span>}
              </td>
              <td className="px-3 py-2">
                {c.status === "in_progress" && mine(c.deptId) && (
                  <ActionForm action={govCommitmentStatusAction} submit="认定" className="space-y-1">
                    <input type="hidden" name="id" value={c.id} />
                    <StateSelect
                      label="履约情况"
                      name="status"
                      options={[
                        { value: "fulfilled", label: "已履约" },
                        { value: "breached", label: "未履约" },
                      ]}
                      emptyLabel="请选择"
                    />
                    <StateField label="认定说明" name="note" required />
                  </ActionForm>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
        {writer && (
          <NewRecord title="记录政务承诺" action={govCommitmentAction}>
            <StateField label="承诺主体统一社会信用代码" name="uscc" required hint="机关或事业单位" />
            <StateField label="承诺对象" name="counterparty" required hint="如：投资企业名称、社会公众" />
            <StateField label="承诺事项" name="title" required />
            <StateField label="承诺日期" name="madeOn" type="date" required />
            <StateField label="履约期限" name="dueOn" type="date" />
            <div className="sm:col-span-2">
              <StateTextArea label="承诺内容" name="content" required rows={3} />
            </div>
          </NewRecord>
        )}
      </section>
      <section aria-labelledby="d" className="space-y-2">
        <h2 id="d" className="text-lg font-semibold">
          政务失信记录
        </h2>
        <DataTable
          headers={["失信主体", "类别", "情形", "文书号 / 认定日期", "状态", ""]}
          empty={dishonesty.length === 0 && "尚无政务失信记录。"}
        >
          {dishonesty.map((r) => (
            <tr key={r.id} className="border-t border-slate-100 align-top">
              <td className="px-3 py-2">{r.subject}</td>
              <td className="px-3 py-2">{GOV_DISHONESTY_LABELS[r.kind]}</td>
              <td className="px-3 py-2">
                {r.description}
                {r.amount && `（${Number(r.amount)} 万元）`}
              </td>
              <td className="px-3 py-2">
                {r.documentNo}
                <span className="block text-xs text-slate-600">{r.decidedOn}</span>
              </td>
              <td className="px-3 py-2">{r.settledOn ? `已履行（${r.settledOn}）` : "未履行"}</td>
              <td className="px-3 py-2">
                {!r.settledOn && mine(r.deptId) && (
                  <ActionForm action={settleGovDishonestyAction} submit="标记已履行" className="space-y-1">
                    <input type="hidden" name="id" value={r.id} />
                    <StateField label="履行日期" name="settledOn" type="date" required defaultValue={day} />
                  </ActionForm>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
        {writer && (
          <NewRecord title="记录政务失信" action={govDishonestyAction}>
            <StateField label="失信主体统一社会信用代码" name="uscc" required hint="机关或事业单位" />
            <StateSelect
              label="失信类别"
              name="kind"
              options={GOV_DISHONESTY_KINDS.map((k) => ({ value: k, label: GOV_DISHONESTY_LABELS[k] }))}
              emptyLabel="请选择"
            />
            <StateField label="判决书、执行裁定书或认定文书号" name="documentNo" required />
            <StateField label="认定日期" name="decidedOn" type="date" required />
            <StateField label="涉及金额（万元）" name="amount" />
            <div className="sm:col-span-2">
              <StateTextArea label="失信情形" name="description" required rows={3} />
            </div>
          </NewRecord>
        )}
      </section>
    </div>
  );
}

/** A record entered below its list: folded until opened, published when saved. */
function NewRecord({
  title,
  action,
  children,
}: {
  title: string;
  action: React.ComponentProps<typeof ActionForm>["action"];
  children: React.ReactNode;
}) {
  return (
    <details className="rounded bg-white p-4 shadow">
      <summary className="cursor-pointer font-medium">{title}</summary>
      <ActionForm action={action} submit="保存并公示" noValidate className="mt-2 grid gap-3 sm:grid-cols-2">
        {children}
      </ActionForm>
    </details>
  );
}
