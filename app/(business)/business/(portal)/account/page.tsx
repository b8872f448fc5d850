import type { Metadata } from "next";
import {
  beginTotpAction,
  confirmTotpAction,
  disableTotpAction,
} from "@/app/(admin)/admin/(console)/account/actions";
import { TotpSection } from "@/components/totp-section";
import { requireBusiness } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import { totpEnrolmentView } from "@/server/services/totp-enrolment";

export const metadata: Metadata = { title: "账号安全" };

export default async function BusinessAccountPage() {
  const user = await requireBusiness();
  const { pending, qr } = await totpEnrolmentView(await getDb(), user);
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">账号安全</h1>
      <section className="rounded bg-white p-4 text-sm shadow">
        <p>
          登录名：{user.username}（统一社会信用代码） · 联系人：{user.displayName}
        </p>
        <p className="mt-1 text-slate-600">
          连续输错密码 5 次将锁定 30 分钟；30
          分钟无操作自动退出登录。如需更换联系人或重置密码，请联系属地监管部门。
        </p>
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
