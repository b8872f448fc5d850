import type { ActionState } from "@/lib/web/action-state";
import { BeginTotpForm, ConfirmTotpForm, DisableTotpForm } from "./totp-forms";

type Act = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** The optional second factor (DOMAIN §11), for regulators and business accounts alike. */
export function TotpSection({
  enabled,
  pending,
  qr,
  actions,
}: {
  enabled: boolean;
  pending: string | null;
  qr: string | null;
  actions: { begin: Act; confirm: Act; disable: Act };
}) {
  return (
    <section className="space-y-3 rounded bg-white p-4 shadow">
      <h2 className="font-bold">动态验证码（第二重验证）</h2>
      {enabled ? (
        <>
          <p>已启用：登录时除密码外还需输入身份验证器中的 6 位数字（或一个恢复码）。</p>
          <DisableTotpForm action={actions.disable} />
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
          <ConfirmTotpForm action={actions.confirm} />
        </>
      ) : (
        <>
          <p>未启用。启用后，即使密码泄露，他人也无法登录您的账号。</p>
          <BeginTotpForm action={actions.begin} />
        </>
      )}
    </section>
  );
}
