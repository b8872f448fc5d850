import { CaseView, type CaseViewProps } from "./case-view";

type ListEntryCase = Omit<CaseViewProps, "subject" | "text" | "textTitle"> & {
  subject: { name: string; uscc: string | null };
  facts: string;
  statement: string | null;
  statementOn: string | null;
};

/** A list entry's case as both sides read it: the case view, then the subject's 陈述申辩 when there is one. */
export function ListEntryView({
  entry: d,
  factsTitle,
  statementTitle,
}: {
  entry: ListEntryCase;
  factsTitle: string;
  statementTitle: string;
}) {
  return (
    <>
      <CaseView
        {...d}
        subject={{ ...d.subject, region: null }}
        subjectLabel="信用主体"
        text={d.facts}
        textTitle={factsTitle}
        fileHref={(f) => `/case-files/${f}`}
      />
      {d.statement && (
        <section aria-labelledby="statement" className="rounded border border-slate-200 bg-white p-4">
          <h2 id="statement" className="mb-2 text-lg font-semibold">
            {statementTitle}（{d.statementOn}）
          </h2>
          <p className="whitespace-pre-wrap text-sm leading-relaxed">{d.statement}</p>
        </section>
      )}
    </>
  );
}
