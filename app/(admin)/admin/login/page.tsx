import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/login-form";
import { SESSION_END_MESSAGE } from "@/lib/access/session-policy";
import { returnPath } from "@/lib/web/query-string";
import { currentUser } from "@/server/auth/guard";
import { signInAction } from "./actions";

export const metadata: Metadata = { title: "登录" };

const REASONS: Record<string, string> = {
  ...SESSION_END_MESSAGE,
  disabled: "该账号已被停用，请联系系统管理员。",
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const sp = await searchParams;
  if (await currentUser()) redirect("/admin");
  return (
    <main id="main" className="mx-auto mt-8 max-w-sm rounded-lg bg-white p-6 shadow">
      <h1 className="mb-1 text-xl font-bold">监管部门登录</h1>
      <p className="mb-5 text-sm text-slate-600">信用江西管理后台仅供各级监管部门工作人员使用。</p>
      <LoginForm
        action={signInAction}
        next={returnPath(sp.callbackUrl)}
        notice={sp.reason ? REASONS[sp.reason] : undefined}
      />
    </main>
  );
}
