"use client";

/**
 * The second click of a consequential step (issue 21): names what the step makes public or takes away, and for
 * whom, before the form is sent; 取消 returns to the buttons with everything typed kept.
 */
export function ConfirmStep({
  what,
  subject,
  name,
  value,
  label,
  pending,
  onCancel,
}: {
  what: string;
  subject: string;
  name: string;
  value: string;
  label: string;
  pending: boolean;
  onCancel: () => void;
}) {
  return (
    <div
      role="alertdialog"
      aria-labelledby="confirm-what"
      className="rounded border border-amber-300 bg-amber-50 p-3"
    >
      <p id="confirm-what" className="text-sm text-amber-950">
        请确认：对“{subject}”执行“{label}”。{what}
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        <button
          type="submit"
          name={name}
          value={value}
          disabled={pending}
          className="rounded bg-red-700 px-4 py-2 font-medium text-white disabled:opacity-60"
        >
          确认{label}
        </button>
        <button
          type="button"
          onClick={onCancel}
          className="rounded border border-slate-300 bg-white px-4 py-2"
        >
          取消
        </button>
      </div>
    </div>
  );
}
