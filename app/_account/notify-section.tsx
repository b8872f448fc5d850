import { MESSAGE_KIND_LABEL, MESSAGE_KINDS, wants } from "@/lib/notify/preferences";
import { getNotifySettings } from "@/server/queries/notify-settings";
import { ContactForms, PrefsForm } from "./notify-forms";

/** Issue 22 §2, §5: where this account is told, and how; the page has checked who is signed in. */
export async function NotifySection({ userId }: { userId: number }) {
  const s = await getNotifySettings({ userId });
  if (!s) return null;
  return (
    <section aria-labelledby="notify" className="space-y-4 rounded bg-white p-4 shadow">
      <h2 id="notify" className="font-bold">
        通知方式
      </h2>
      <p className="text-sm text-slate-700">
        告知、决定和办件进展都会发到本账号的“消息”（站内信）。验证电子邮箱或手机号码后，也会发到那里；经邮件服务器或短信网关确认送达的告知，即视为已送达。
      </p>
      <div className="space-y-1 text-sm">
        <p>电子邮箱：{s.email ? <strong>{s.email}（已验证）</strong> : "未设置"}</p>
        <p>
          手机号码：
          {s.phone ? (
            <strong>{s.phone}（已验证）</strong>
          ) : s.unverifiedPhone ? (
            `${s.unverifiedPhone}（注册时填写，未验证，不发送通知）`
          ) : (
            "未设置"
          )}
        </p>
      </div>
      <ContactForms channel="email" current={s.email} pending={s.pending.email} />
      <ContactForms channel="sms" current={s.phone ?? s.unverifiedPhone} pending={s.pending.sms} />
      <PrefsForm
        email={s.email !== null}
        sms={s.phone !== null}
        kinds={MESSAGE_KINDS.map((kind) => ({
          kind,
          label: MESSAGE_KIND_LABEL[kind],
          email: wants(s.prefs, kind, "email"),
          sms: wants(s.prefs, kind, "sms"),
        }))}
      />
    </section>
  );
}
