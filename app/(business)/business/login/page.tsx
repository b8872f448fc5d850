import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/login-form";
import { SESSION_END_MESSAGE } from "@/lib/access/session-policy";
import { returnPath } from "@/lib/web/query-string";
import { currentUser } from "@/server/auth/guard";
import { businessSignInAction } from "../actions";

export const metadata: Metadata = { title: "企业登录" };

const REASONS: Record<string, string> = {
  ...SESSION_END_MESSAGE,
  disabled: "该账号已被停用，请联系属地监管部门。",
  activated: "账号已激活，请使用统一社会信用代码和密码登录。",
};

export default async function BusinessLoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  const sp = await searchParams;
  const user = await currentUser();
  if (user?.roles.includes("business")) redirect("/business");
  return (
    <main id="main" className="mx-auto mt-8 max-w-sm space-y-4 px-4">
      <div className="rounded-lg bg-white p-6 shadow">
        <h1 className="mb-1 text-xl font-bold">企业登录</h1>
        <p className="mb-5 text-sm text-slate-600">
          企业账号以统一社会信用代码登录，办理信用承诺、自主申报和信用修复。
        </p>
        <LoginForm
          action={businessSignInAction}
          usernameLabel="统一社会信用代码"
          next={returnPath(sp.callbackUrl)}
          notice={sp.reason ? REASONS[sp.reason] : undefined}
        />
      </div>
      <div className="rounded-lg bg-white p-4 text-sm shadow">
        <p>
          还没有账号？
          <Link href="/business/register" className="text-brand-700 underline">
            注册企业账号
          </Link>
        </p>
        <p className="mt-1">
          已注册、收到激活码？
          <Link href="/business/activate" className="text-brand-700 underline">
            激活账号
          </Link>
        </p>
        <p className="mt-1 text-slate-600">
          监管部门工作人员请从
          <Link href="/admin/login" className="text-brand-700 underline">
            管理后台
          </Link>
          登录。
        </p>
      </div>
    </main>
  );
}
