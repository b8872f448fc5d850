import { formatTimeZh } from "@/lib/web/format";
import { standingText } from "@/lib/workflows/deadlines";
import { Fields, Section } from "./section";

export type CaseViewProps = {
  caseNo: string;
  title: string;
  stateLabel: string;
  final: boolean;
  subject: { name: string; uscc: string | null; region: string | null };
  dept: string;
  submittedOn: string | null;
  due: { due: string; overdue: boolean; workingDaysLeft: number } | null;
  fields: [string, string | null][];
  text: string | null;
  textTitle: string;
  /** whose case it is: 申请主体, or 信用主体 for an objection someone else raised about it */
  subjectLabel?: string;
  files: { id: number; fileName: string; mimeType: string; sizeBytes: number }[];
  history: { at: Date; toLabel: string; by: string; note: string | null }[];
};

/** A deadline as both sides read it: the day, and working days left or overdue (issue 11 §5). */
export function DueBadge({ due }: { due: CaseViewProps["due"] }) {
  if (!due) return null;
  if (due.overdue)
    return (
      <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-bold text-red-800">
        {standingText(due)}（时限 {due.due}）
      </span>
    );
  return (
    <span
      className={`rounded px-1.5 py-0.5 text-xs ${due.workingDaysLeft <= 1 ? "bg-amber-100 text-amber-900" : "bg-slate-100 text-slate-700"}`}
    >
      {standingText(due)}（时限 {due.due}）
    </span>
  );
}

/** One case with its documents and every step taken, for the applicant and for the reviewer. */
export function CaseView(c: CaseViewProps & { fileHref: (id: number) => string }) {
  return (
    <div className="space-y-4">
      <div className="rounded border border-slate-200 bg-white p-4">
        <p className="text-sm text-slate-600">案号 {c.caseNo}</p>
        <h1 className="mt-1 text-xl font-bold">{c.title}</h1>
        <p className="mt-2 flex flex-wrap items-center gap-2">
          <span
            className={`rounded px-2 py-0.5 text-sm font-medium ${c.final ? "bg-slate-200 text-slate-800" : "bg-brand-100 text-brand-900"}`}
          >
            {c.stateLabel}
          </span>
          <DueBadge due={c.due} />
        </p>
        <div className="mt-3">
          <Fields
            items={[
              [
                c.subjectLabel ?? "申请主体",
                `${c.subject.name}${c.subject.uscc ? `（${c.subject.uscc}）` : ""}`,
              ],
              ["所在地区", c.subject.region ?? ""],
              ["办理部门", c.dept],
              ["提交日期", c.submittedOn ?? ""],
              ...c.fields,
            ]}
          />
        </div>
      </div>
      {c.text && (
        <Section id="case-text" title={c.textTitle}>
          <p className="whitespace-pre-wrap px-4 py-3 text-sm leading-relaxed">{c.text}</p>
        </Section>
      )}
      {c.files.length > 0 && (
        <Section id="case-files" title="材料" count={c.files.length}>
          <ul className="divide-y divide-slate-100 text-sm">
            {c.files.map((f) => (
              <li key={f.id} className="flex flex-wrap justify-between gap-2 px-4 py-2">
                <a href={c.fileHref(f.id)} className="break-all text-brand-700 underline">
                  {f.fileName}
                </a>
                <span className="text-slate-600">
                  {f.mimeType === "application/pdf" ? "PDF" : f.mimeType === "image/png" ? "PNG" : "JPG"}，
                  {f.sizeBytes < 1024 * 1024
                    ? `${Math.max(1, Math.ceil(f.sizeBytes / 1024))} KB`
                    : `${(f.sizeBytes / 1024 / 1024).toFixed(1)} MB`}
                </span>
              </li>
            ))}
          </ul>
        </Section>
      )}
      <Section id="case-history" title="办理过程" count={c.history.length}>
        <ol className="space-y-3 px-4 py-3">
          {c.history.map((h, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the history is append-only and shown in order
            <li key={i} className="border-l-2 border-brand-700 pl-3 text-sm">
              <p>
                <span className="font-medium">{h.toLabel}</span>
                <span className="ml-2 text-slate-600">
                  {formatTimeZh(h.at)} · {h.by}
                </span>
              </p>
              {h.note && <p className="mt-0.5 whitespace-pre-wrap text-slate-700">{h.note}</p>}
            </li>
          ))}
        </ol>
      </Section>
    </div>
  );
}
