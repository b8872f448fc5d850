"use client";

import { useActionState, useState } from "react";
import { type LoginState, signInAction } from "./actions";

const input =
  "mt-1 block w-full rounded border border-slate-300 px-3 py-2 focus:border-brand-700 focus:outline-none focus:ring-2 focus:ring-brand-700/30";

export function LoginForm({ next, notice }: { next?: string; notice?: string }) {
  const [state, formAction, pending] = useActionState<LoginState, FormData>(signInAction, null);
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
      <label className="block">
        <span className="text-sm font-medium">用户名</span>
        <input
          name="username"
          autoComplete="username"
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          className={input}
          aria-invalid={Boolean(state?.fieldErrors?.username)}
        />
        {state?.fieldErrors?.username && (
          <span className="text-sm text-red-700">{state.fieldErrors.username}</span>
        )}
      </label>
      <label className="block">
        <span className="text-sm font-medium">密码</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          className={input}
          aria-invalid={Boolean(state?.fieldErrors?.password)}
        />
        {state?.fieldErrors?.password && (
          <span className="text-sm text-red-700">{state.fieldErrors.password}</span>
        )}
      </label>
      {state?.needTotp && (
        <label className="block">
          <span className="text-sm font-medium">动态验证码或恢复码</span>
          <input
            name="totp"
            autoComplete="one-time-code"
            inputMode="numeric"
            // biome-ignore lint/a11y/noAutofocus: the field the user was just asked for
            autoFocus
            value={totp}
            onChange={(e) => setTotp(e.target.value)}
            className={input}
          />
        </label>
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
