import type { Metadata } from "next";
import Link from "next/link";
import { AccountTotp } from "@/app/_account/account-totp";
import { NotifySection } from "@/app/_account/notify-section";
import { requireUser } from "@/server/auth/guard";

export const metadata: Metadata = { title: "账号安全" };

export default async function AccountPage() {
  const user = await requireUser();
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">账号安全</h1>
      <section className="rounded bg-white p-4 shadow">
        <h2 className="mb-2 font-bold">密码</h2>
        <Link href="/admin/password" className="text-brand-700 underline">
          修改密码
        </Link>
      </section>
      <NotifySection userId={user.id} />
      <AccountTotp user={user} />
    </div>
  );
}
