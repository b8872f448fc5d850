import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SmallActionForm } from "@/components/form";
import { accountStatusLabel } from "@/lib/access/lockout";
import { intParam } from "@/lib/web/query-string";
import { requireRole } from "@/server/auth/guard";
import { scopeOptions } from "@/server/queries/scope-options";
import { listUsers } from "@/server/queries/users";
import { resetPasswordAction, setUserStatusAction, unlockUserAction, updateUserAction } from "../actions";
import { UserForm } from "../user-form";

export const metadata: Metadata = { title: "用户" };

export default async function UserPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string }>;
}) {
  await requireRole("sysadmin");
  const id = intParam((await params).id);
  const [u] = id !== undefined ? await listUsers({ id }) : [];
  if (!u) notFound();
  const options = await scopeOptions();
  const { created } = await searchParams;
  return (
    <div className="space-y-4">
      <Link href="/admin/users" className="text-sm text-brand-700 underline">
        ← 用户列表
      </Link>
      <h1 className="text-2xl font-bold">
        {u.username} <span className="text-base font-normal text-slate-600">{accountStatusLabel(u)}</span>
      </h1>
      {created && (
        <p role="status" className="rounded border border-green-300 bg-green-50 px-3 py-2 text-green-900">
          用户已创建，首次登录时须修改初始密码。
        </p>
      )}
      <UserForm
        action={updateUserAction}
        defaults={{
          id: u.id,
          displayName: u.displayName,
          departmentId: String(u.departmentId ?? ""),
          regionCode: u.regionCode ?? "",
          roles: u.roles,
        }}
        {...options}
      />
      <section className="flex flex-wrap gap-6 rounded bg-white p-4 shadow">
        <SmallActionForm
          action={setUserStatusAction}
          fields={{ id: u.id, status: u.status === "active" ? "disabled" : "active" }}
          label={u.status === "active" ? "停用账号" : "启用账号（同时解除锁定）"}
          danger={u.status === "active"}
          confirm={
            u.status === "active" ? `确定停用账号 ${u.username} 吗？其所有会话将立即结束。` : undefined
          }
        />
        <SmallActionForm
          action={unlockUserAction}
          fields={{ id: u.id }}
          label="解除锁定"
          disabled={!u.locked || u.status !== "active"}
        />
        <SmallActionForm action={resetPasswordAction} fields={{ id: u.id }} label="重置密码" />
      </section>
    </div>
  );
}
