import type { Metadata } from "next";
import { AccountTotp } from "@/app/_account/account-totp";
import { NotifySection } from "@/app/_account/notify-section";
import { PasswordForm } from "@/app/_account/password-form";
import { requireBusiness } from "@/server/auth/guard";

export const metadata: Metadata = { title: "账号安全" };

export default async function BusinessAccountPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireBusiness();
  const changed = (await searchParams).changed === "1";
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">账号安全</h1>
      <section className="rounded bg-white p-4 text-sm shadow">
        <p>
          登录名：{user.username}
          {user.username.length === 18 && "（统一社会信用代码）"} · 联系人：{user.displayName}
        </p>
        <p className="mt-1 text-slate-600">
          连续输错密码 5 次将锁定 30 分钟；30
          分钟无操作自动退出登录。忘记密码或需更换联系人的，请联系属地监管部门。
        </p>
      </section>
      <section className="rounded bg-white p-4 shadow">
        <h2 className="mb-2 font-bold">修改密码</h2>
        {changed && (
          <p
            role="status"
            className="mb-3 rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900"
          >
            密码已修改，其他设备上的登录已退出。
          </p>
        )}
        <PasswordForm />
      </section>
      <NotifySection userId={user.id} />
      <AccountTotp user={user} />
    </div>
  );
}
