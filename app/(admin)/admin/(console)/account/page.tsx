import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/server/auth/guard";
import { totpQrDataUri } from "@/server/credentials/totp";
import { getDb } from "@/server/db";
import { pendingTotpSecret } from "@/server/services/totp-enrolment";
import { BeginTotpForm, ConfirmTotpForm, DisableTotpForm } from "./totp-forms";

export const metadata: Metadata = { title: "账号安全" };

export default async function AccountPage() {
  const user = await requireUser();
  const pending = user.totpEnabled ? null : await pendingTotpSecret(await getDb(), user.id);
  const qr = pending ? await totpQrDataUri(pending, user.username) : null;
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">账号安全</h1>
      <section className="rounded bg-white p-4 shadow">
        <h2 className="mb-2 font-bold">密码</h2>
        <Link href="/admin/password" className="text-brand-700 underline">
          修改密码
        </Link>
      </section>
      <section className="space-y-3 rounded bg-white p-4 shadow">
        <h2 className="font-bold">动态验证码（第二重验证）</h2>
        {user.totpEnabled ? (
          <>
            <p>已启用：登录时除密码外还需输入身份验证器中的 6 位数字（或一个恢复码）。</p>
            <DisableTotpForm />
          </>
        ) : pending && qr ? (
          <>
            <p>用身份验证器（如 Microsoft Authenticator、FreeOTP、手机自带验证器）扫描二维码：</p>
            {/* biome-ignore lint/performance/noImgElement: a data URI drawn on the server, not a remote image */}
            <img src={qr} alt="动态验证码二维码" width={200} height={200} />
            <p className="text-sm text-slate-600">
              无法扫码时手动输入密钥：
              <code className="break-all" data-testid="totp-secret">
                {pending}
              </code>
            </p>
            <ConfirmTotpForm />
          </>
        ) : (
          <>
            <p>未启用。启用后，即使密码泄露，他人也无法登录您的账号。</p>
            <BeginTotpForm />
          </>
        )}
      </section>
    </div>
  );
}
