import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, StateField } from "@/components/action-form";
import { registerAction } from "../actions";

export const metadata: Metadata = { title: "注册企业账号" };

export default function RegisterPage() {
  return (
    <main id="main" className="mx-auto my-8 max-w-lg space-y-4 px-4">
      <div className="rounded-lg bg-white p-6 shadow">
        <h1 className="mb-1 text-xl font-bold">注册企业账号</h1>
        <ol className="mb-5 list-decimal space-y-1 pl-5 text-sm text-slate-600">
          <li>填写统一社会信用代码和与营业执照一致的企业名称，设置登录密码。</li>
          <li>持营业执照到属地监管部门（或由其核实身份后）领取一次性激活码，有效期 7 天。</li>
          <li>
            在
            <Link href="/business/activate" className="text-brand-700 underline">
              激活页面
            </Link>
            输入激活码后即可登录。每个主体只能注册一个账号。
          </li>
        </ol>
        <ActionForm action={registerAction} submit="注册" pendingText="正在注册…">
          <StateField label="统一社会信用代码" name="uscc" required maxLength={24} autoComplete="username" />
          <StateField label="企业名称（与营业执照一致）" name="name" required maxLength={200} />
          <StateField label="联系人姓名" name="contactName" required maxLength={64} autoComplete="name" />
          <StateField
            label="联系电话"
            name="phone"
            required
            maxLength={20}
            autoComplete="tel"
            inputMode="tel"
          />
          <StateField
            label="登录密码"
            name="password"
            type="password"
            required
            autoComplete="new-password"
            hint="至少 10 位，包含大写字母、小写字母、数字、符号中的三类"
          />
          <StateField
            label="确认密码"
            name="password2"
            type="password"
            required
            autoComplete="new-password"
          />
        </ActionForm>
      </div>
      <p className="text-center text-sm">
        已有账号？
        <Link href="/business/login" className="text-brand-700 underline">
          登录
        </Link>
      </p>
    </main>
  );
}
