"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import type { ActionState } from "@/lib/web/action-state";

export const inputClass =
  "mt-1 block w-full rounded border border-slate-300 bg-white px-3 py-2 focus:border-brand-700 focus:outline-none focus:ring-2 focus:ring-brand-700/30 aria-[invalid=true]:border-red-600";

/** A field's name, with a red star when it must be filled. */
export function FieldLabel({ label, required }: { label: React.ReactNode; required?: boolean }) {
  return (
    <span className="text-sm font-medium">
      {label}
      {required && <span className="ml-0.5 text-red-700">*</span>}
    </span>
  );
}

/** A labelled input with its hint and the server's message for it. */
export function Field({
  label,
  name,
  error,
  hint,
  required,
  className,
  ...rest
}: React.InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  error?: string;
  hint?: string;
}) {
  const hintId = `${name}-hint`;
  return (
    <label className={`block ${className ?? ""}`}>
      <FieldLabel label={label} required={required} />
      <input
        name={name}
        required={required}
        aria-invalid={Boolean(error)}
        aria-describedby={hint || error ? hintId : undefined}
        className={inputClass}
        {...rest}
      />
      <FieldNote id={hintId} error={error} hint={hint} />
    </label>
  );
}

export function FieldNote({ id, error, hint }: { id: string; error?: string; hint?: string }) {
  if (error)
    return (
      <span id={id} className="mt-1 block text-sm text-red-700">
        {error}
      </span>
    );
  if (hint)
    return (
      <span id={id} className="mt-1 block text-xs text-slate-600">
        {hint}
      </span>
    );
  return null;
}

export function FormMessage({ state }: { state: ActionState }) {
  if (!state) return null;
  return (
    <p
      role={state.ok ? "status" : "alert"}
      className={`rounded border px-3 py-2 text-sm ${state.ok ? "border-green-300 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-900"}`}
    >
      {state.message}
    </p>
  );
}

export function SubmitButton({ children, pendingText }: { children: React.ReactNode; pendingText?: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
    >
      {pending ? (pendingText ?? "正在提交…") : children}
    </button>
  );
}

/** One button that runs an action with hidden fields, and shows its message. */
/** For onSubmit of a destructive form (issue 10): the browser asks first; "取消" sends nothing. */
export function confirmFirst(question: string | undefined) {
  return (e: React.FormEvent<HTMLFormElement>) => {
    if (question && !window.confirm(question)) e.preventDefault();
  };
}

export function SmallActionForm({
  action,
  fields,
  label,
  danger,
  confirm,
  disabled,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  fields: Record<string, string | number>;
  label: string;
  danger?: boolean;
  /** a question the user must confirm before the action runs */
  confirm?: string;
  /** shown but not usable (kept mounted, so its last message stays) */
  disabled?: boolean;
}) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} onSubmit={confirmFirst(confirm)} className="space-y-2">
      {Object.entries(fields).map(([k, val]) => (
        <input key={k} type="hidden" name={k} value={val} />
      ))}
      <button
        type="submit"
        disabled={disabled}
        className={`rounded border px-3 py-1.5 disabled:border-slate-300 disabled:text-slate-600 ${danger ? "border-red-700 text-red-800" : "border-brand-700 text-brand-700"}`}
      >
        {label}
      </button>
      <FormMessage state={state} />
    </form>
  );
}

/** A labelled select with a "请选择" first option and the server's message for it. */
export function SelectInput({
  label,
  name,
  options,
  defaultValue,
  error,
  emptyLabel = "请选择",
}: {
  label: string;
  name: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  error?: string;
  /** the first, empty choice: "请选择", or what choosing nothing means (e.g. "全省") */
  emptyLabel?: string;
}) {
  return (
    <label className="block">
      <span className="text-sm font-medium">{label}</span>
      <select
        name={name}
        defaultValue={defaultValue}
        className={inputClass}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${name}-note` : undefined}
      >
        <option value="">{emptyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldNote id={`${name}-note`} error={error} />
    </label>
  );
}
