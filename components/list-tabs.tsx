import { LIST_KIND_SHORT as SHORT } from "@/lib/records/list-kinds";
import { LIST_KIND_LABELS, LIST_KIND_SEGMENTS } from "@/lib/web/navigation";

type Kind = keyof typeof LIST_KIND_SEGMENTS;

export function ListTabs({ active }: { active: Kind }) {
  return (
    <nav aria-label="名单类别" className="flex flex-wrap gap-x-2 border-b border-slate-200">
      {(Object.keys(LIST_KIND_SEGMENTS) as Kind[]).map((k) => (
        <a
          key={k}
          href={`/lists/${LIST_KIND_SEGMENTS[k]}`}
          title={LIST_KIND_LABELS[k]}
          aria-current={k === active ? "page" : undefined}
          className={`border-b-2 px-3 py-2 ${k === active ? "border-seal font-semibold text-seal" : "border-transparent text-slate-700"}`}
        >
          {SHORT[k]}
        </a>
      ))}
    </nav>
  );
}
