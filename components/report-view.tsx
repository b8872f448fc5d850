import type { ReportDocument } from "@/lib/reports/report-document";
import { Fields } from "./section";

/**
 * A stored credit report's content (issue 20 N5), section by section as the PDF prints it — what the holder of a
 * report compares their copy with, since a genuine number and code prove nothing about an edited file.
 */
export function ReportView({ d }: { d: ReportDocument }) {
  return (
    <article
      aria-label="本站存档的报告内容"
      className="space-y-3 rounded border border-slate-200 bg-white p-4"
    >
      <header className="text-center">
        <h3 className="text-lg font-bold">{d.title}</h3>
        <p className="text-sm text-slate-600">{d.subtitle}</p>
      </header>
      <Fields items={d.facts} />
      {d.sections.map((s) => (
        <section key={s.heading} className={s.private ? "rounded bg-amber-50 p-2" : undefined}>
          <h4 className="border-b border-slate-200 py-1 font-semibold text-brand-800">{s.heading}</h4>
          {s.note && <p className="mt-1 text-xs text-slate-600">{s.note}</p>}
          {s.items.length === 0 ? (
            <p className="mt-1 text-sm text-slate-700">{s.empty}</p>
          ) : (
            <ol className="mt-1 space-y-2">
              {s.items.map((item, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a stored report's items never move
                <li key={i} className="text-sm">
                  <p className="font-medium">
                    {i + 1}. {item.title}
                  </p>
                  <div className="pl-4">
                    <Fields items={item.fields} />
                  </div>
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
      {d.closing.map((line) => (
        <p key={line} className="text-xs text-slate-600">
          {line}
        </p>
      ))}
    </article>
  );
}
