import type { Metadata } from "next";
import Link from "next/link";
import { beginTotpAction, confirmTotpAction, disableTotpAction } from "@/app/_account/totp-actions";
import { TotpSection } from "@/components/totp-section";
import { requireUser } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import { totpEnrolmentView } from "@/server/services/totp-enrolment";

export const metadata: Metadata = { title: "账号安全" };

export default async function AccountPage() {
  const user = await requireUser();
  const { pending, qr } = await totpEnrolmentView(await getDb(), user);
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">账号安全</h1>
      <section className="rounded bg-white p-4 shadow">
        <h2 className="mb-2 font-bold">密码</h2>
        <Link href="/admin/password" className="text-brand-700 underline">
          修改密码
        </Link>
      </section>
      <TotpSection
        enabled={user.totpEnabled}
        pending={pending}
        qr={qr}
        actions={{ begin: beginTotpAction, confirm: confirmTotpAction, disable: disableTotpAction }}
      />
    </div>
  );
}
