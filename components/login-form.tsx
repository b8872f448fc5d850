"use client";

import { useActionState, useState } from "react";
import { Field } from "@/components/form";
import type { LoginState } from "@/lib/web/action-state";

/** The sign-in form of the console and of the business portal; each passes its own action. */
export function LoginForm({
  action,
  next,
  notice,
  usernameLabel = "用户名",
}: {
  action: (prev: LoginState, form: FormData) => Promise<LoginState>;
  next?: string;
  notice?: string;
  usernameLabel?: string;
}) {
  const [state, formAction, pending] = useActionState<LoginState, FormData>(action, null);
  // controlled, so a second-factor prompt keeps what was typed
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [totp, setTotp] = useState("");
  const message = state?.message ?? notice;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {message && (
        <p
          role="alert"
          className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          {message}
        </p>
      )}
      <input type="hidden" name="next" value={next ?? ""} />
      <Field
        label={usernameLabel}
        name="username"
        autoComplete="username"
        required
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        error={state?.fieldErrors?.username}
      />
      <Field
        label="密码"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={state?.fieldErrors?.password}
      />
      {state?.needTotp && (
        <Field
          label="动态验证码或恢复码"
          name="totp"
          autoComplete="one-time-code"
          inputMode="numeric"
          // focus the field the user was just asked for
          autoFocus
          value={totp}
          onChange={(e) => setTotp(e.target.value)}
        />
      )}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? "正在登录…" : "登录"}
      </button>
    </form>
  );
}
