import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, StateField } from "@/components/action-form";
import { REGISTRATION_RECEIVED } from "@/lib/access/activation-code";
import { normalizeUscc } from "@/lib/subjects/uscc";
import { firstParam } from "@/lib/web/query-string";
import { activateAction } from "../actions";

export const metadata: Metadata = { title: "激活企业账号" };

export default async function ActivatePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const uscc = normalizeUscc(firstParam(sp.uscc) ?? "").slice(0, 18);
  return (
    <main id="main" className="mx-auto my-8 max-w-lg space-y-4 px-4">
      {firstParam(sp.registered) === "1" && (
        <p
          role="status"
          className="rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900"
        >
          {REGISTRATION_RECEIVED}激活码有效期 7 天，仅能使用一次。
        </p>
      )}
      <div className="rounded-lg bg-white p-6 shadow">
        <h1 className="mb-1 text-xl font-bold">激活企业账号</h1>
        <p className="mb-5 text-sm text-slate-600">
          激活码由企业所在地区的监管部门核实身份后签发，用于确认您有权代表该企业。
        </p>
        <ActionForm action={activateAction} submit="激活" pendingText="正在激活…">
          <StateField
            label="统一社会信用代码"
            name="uscc"
            required
            maxLength={24}
            defaultValue={uscc}
            autoComplete="username"
          />
          <StateField
            label="登录密码"
            name="password"
            type="password"
            required
            autoComplete="current-password"
          />
          <StateField
            label="激活码"
            name="code"
            required
            maxLength={9}
            autoComplete="one-time-code"
            hint="8 位字母和数字，如 7K3M-Q9TX"
          />
        </ActionForm>
      </div>
      <p className="text-center text-sm">
        <Link href="/business/login" className="text-brand-700 underline">
          返回登录
        </Link>
      </p>
    </main>
  );
}
