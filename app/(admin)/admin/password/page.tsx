import type { Metadata } from "next";
import { PasswordForm } from "@/app/_account/password-form";
import { requireUser } from "@/server/auth/guard";

export const metadata: Metadata = { title: "修改密码" };

export default async function PasswordPage() {
  const user = await requireUser({ allowPasswordChange: true });
  return (
    <main id="main" className="mx-auto mt-8 max-w-md rounded-lg bg-white p-6 shadow">
      <h1 className="mb-1 text-xl font-bold">修改密码</h1>
      <p className="mb-5 text-sm text-slate-600">
        {user.mustChangePassword
          ? "这是管理员为您设置的初始密码，请先设置自己的密码，再使用管理后台。"
          : `${user.displayName}，请设置新密码。`}
      </p>
      <PasswordForm />
    </main>
  );
}
