"use client";

import { createContext, useActionState, useContext, useState } from "react";
import type { ActionState } from "@/lib/web/action-state";
import type { EventOption } from "@/lib/workflows/machine";
import { ConfirmStep } from "./confirm-step";
import { Field, FieldLabel, FieldNote, FormMessage, inputClass, SelectInput, SubmitButton } from "./form";

const StateContext = createContext<ActionState>(null);

/**
 * A form bound to a server action whose fields read the action's answer from context: the message on top,
 * each field's own message and the submitted value kept after a refusal (issue 11 "Bad input").
 */
export function ActionForm({
  action,
  submit,
  pendingText,
  children,
  className,
  multipart,
  noValidate,
  done,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  submit: string;
  pendingText?: string;
  children?: React.ReactNode;
  className?: string;
  multipart?: boolean;
  /** leave every check to the server, so each field shows its own Chinese message */
  noValidate?: boolean;
  /** what replaces the form once the action succeeded (a receipt to keep); the form stays when it returns null */
  done?: (answer: Extract<ActionState, { ok: true }>) => React.ReactNode;
}) {
  const [state, formAction] = useActionState(action, null);
  const receipt = state?.ok && done ? done(state) : null;
  if (receipt) return receipt;
  return (
    <StateContext.Provider value={state}>
      <form
        action={formAction}
        className={className ?? "space-y-4"}
        encType={multipart ? "multipart/form-data" : undefined}
        noValidate={noValidate}
      >
        {/* full width when the caller lays the fields out in a grid */}
        <div className="col-span-full basis-full empty:hidden">
          <FormMessage state={state} />
        </div>
        {children}
        <div className="col-span-full">
          <SubmitButton pendingText={pendingText}>{submit}</SubmitButton>
        </div>
      </form>
    </StateContext.Provider>
  );
}

/**
 * A case's decision form (issue 21 §2): one button per step the machine allows this user now, a consequential
 * step confirmed first (naming what it makes public or takes away), and every field kept after a refusal.
 */
export function EventForm({
  action,
  hidden,
  events,
  subjectName,
  children,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  hidden: Record<string, string | number>;
  events: EventOption<string>[];
  subjectName: string;
  children: React.ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const [confirming, setConfirming] = useState<EventOption<string> | null>(null);
  return (
    <StateContext.Provider value={state}>
      <form action={formAction} className="space-y-3">
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <FormMessage state={state} />
        {children}
        {confirming ? (
          <ConfirmStep
            what={confirming.confirm ?? ""}
            subject={subjectName}
            name="event"
            value={confirming.event}
            label={confirming.label}
            pending={pending}
            onCancel={() => setConfirming(null)}
          />
        ) : (
          <div className="flex flex-wrap gap-2">
            {events.map((e) => (
              <button
                key={e.event}
                type={e.confirm ? "button" : "submit"}
                name={e.confirm ? undefined : "event"}
                value={e.event}
                disabled={pending}
                onClick={e.confirm ? () => setConfirming(e) : undefined}
                className={`rounded px-4 py-2 font-medium disabled:opacity-60 ${e.reason ? "border border-red-700 text-red-800" : "bg-brand-700 text-white"}`}
              >
                {e.label}
              </button>
            ))}
          </div>
        )}
      </form>
    </StateContext.Provider>
  );
}

export function useFormAnswer() {
  return useContext(StateContext);
}

/** A Field that takes its message and its kept value from the enclosing ActionForm. */
export function StateField(props: React.ComponentProps<typeof Field>) {
  const state = useFormAnswer();
  const error = state && !state.ok ? state.fieldErrors?.[props.name] : undefined;
  const kept = state && !state.ok ? state.values?.[props.name] : undefined;
  const keep = props.type !== "password" && props.type !== "file" && typeof kept === "string";
  return (
    <Field
      {...props}
      error={error}
      key={keep ? `${props.name}:${kept}` : props.name}
      {...(keep ? { defaultValue: kept } : {})}
    />
  );
}

/** A labelled textarea with the same behaviour. */
export function StateTextArea({
  label,
  name,
  hint,
  required,
  rows = 5,
  maxLength,
  defaultValue,
}: {
  label: string;
  name: string;
  hint?: string;
  required?: boolean;
  rows?: number;
  maxLength?: number;
  defaultValue?: string;
}) {
  const state = useFormAnswer();
  const error = state && !state.ok ? state.fieldErrors?.[name] : undefined;
  const kept = state && !state.ok ? state.values?.[name] : undefined;
  const value = typeof kept === "string" ? kept : defaultValue;
  return (
    <label className="block">
      <FieldLabel label={label} required={required} />
      <textarea
        key={`${name}:${value ?? ""}`}
        name={name}
        rows={rows}
        required={required}
        maxLength={maxLength}
        defaultValue={value}
        aria-invalid={Boolean(error)}
        aria-describedby={hint || error ? `${name}-note` : undefined}
        className={inputClass}
      />
      <FieldNote id={`${name}-note`} error={error} hint={hint} />
    </label>
  );
}

/** A checkbox that must be ticked (a pledge, a signature), with its message from the action. */
export function StateCheckbox({ name, children }: { name: string; children: React.ReactNode }) {
  const state = useFormAnswer();
  const error = state && !state.ok ? state.fieldErrors?.[name] : undefined;
  const kept = Boolean(state && !state.ok && state.values?.[name] === "on");
  return (
    <div>
      <label className="flex items-start gap-2 text-sm">
        <input
          key={`${name}:${kept}`}
          type="checkbox"
          name={name}
          defaultChecked={kept}
          className="mt-1"
          aria-invalid={Boolean(error)}
        />
        <span>{children}</span>
      </label>
      {error && <p className="mt-1 text-sm text-red-700">{error}</p>}
    </div>
  );
}

/** A select that keeps its choice after a refusal and shows its own message. */
export function StateSelect({
  label,
  name,
  options,
  defaultValue,
  emptyLabel,
}: {
  label: string;
  name: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  emptyLabel?: string;
}) {
  const state = useFormAnswer();
  const error = state && !state.ok ? state.fieldErrors?.[name] : undefined;
  const kept = state && !state.ok ? state.values?.[name] : undefined;
  const value = typeof kept === "string" ? kept : defaultValue;
  return (
    <SelectInput
      key={`${name}:${value ?? ""}`}
      label={label}
      name={name}
      options={options}
      defaultValue={value}
      error={error}
      emptyLabel={emptyLabel}
    />
  );
}
