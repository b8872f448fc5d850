import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { accountStatusLabel } from "@/lib/access/lockout";
import { ROLE_LABEL, type RoleName } from "@/lib/access/roles";
import { requireRole } from "@/server/auth/guard";
import { scopeOptions } from "@/server/queries/scope-options";
import { listUsers } from "@/server/queries/users";
import { createUserAction } from "./actions";
import { UserForm } from "./user-form";

export const metadata: Metadata = { title: "用户管理" };

export default async function UsersPage() {
  await requireRole("sysadmin");
  const [users, options] = await Promise.all([listUsers(), scopeOptions()]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">用户管理</h1>
      <DataTable headers={["用户名", "姓名", "部门", "角色", "状态", "动态验证码"]} empty={false}>
        {users.map((u) => (
          <tr key={u.id} className="border-t border-slate-100">
            <td className="px-3 py-2">
              <Link href={`/admin/users/${u.id}`} className="text-brand-700 underline">
                {u.username}
              </Link>
            </td>
            <td className="px-3 py-2">{u.displayName}</td>
            <td className="px-3 py-2">{u.department ?? "—"}</td>
            <td className="px-3 py-2">{u.roles.map((r) => ROLE_LABEL[r as RoleName] ?? r).join("、")}</td>
            <td className="px-3 py-2">{accountStatusLabel(u)}</td>
            <td className="px-3 py-2">{u.totp ? "已启用" : "未启用"}</td>
          </tr>
        ))}
      </DataTable>
      <section aria-labelledby="new-user" className="space-y-2">
        <h2 id="new-user" className="text-lg font-bold">
          新建用户
        </h2>
        <UserForm action={createUserAction} defaults={{}} {...options} />
      </section>
    </div>
  );
}
