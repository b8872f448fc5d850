import type { AtomEntry } from "../web/atom";
import { LIST_KIND_SEGMENTS } from "../web/navigation";

type Kind = keyof typeof LIST_KIND_SEGMENTS;
/** What a subject's feed is made of: its public records as the profile shows them, and its list removals. */
export type SubjectFeedFacts = {
  penalties: {
    id: number;
    decisionNo: string;
    decisionDate: string;
    violationType: string;
    authority: string;
    publicUntil: string | null;
  }[];
  licences: {
    id: number;
    decisionNo: string;
    decisionTitle: string;
    decisionDate: string;
    authority: string;
  }[];
  entries: {
    id: number;
    kind: Kind;
    listName: string;
    decisionDate: string | null;
    validUntil: string | null;
    dept: string;
  }[];
  breaches: { id: number; title: string; breachedOn: string | null; dept: string }[];
  removals: { entryId: number; kind: Kind; listName: string; on: string; reason: string }[];
};

const at = (day: string) => `${day}T00:00:00+08:00`;
const iso = (day: string) => new Date(at(day)).toISOString();

/**
 * Issue 13 §6 (2014 plan 预警): a subject's new public records and list changes as Atom entries, newest first —
 * for a bank or a buyer to follow instead of looking the subject up every day. Only what the profile shows.
 */
export function subjectFeedEntries(f: SubjectFeedFacts, origin: string, limit = 50): AtomEntry[] {
  const out: (AtomEntry & { day: string })[] = [
    ...f.penalties.map((p) => ({
      day: p.decisionDate,
      id: `${origin}/penalties/${p.id}`,
      title: `行政处罚：${p.violationType}（${p.decisionNo}）`,
      updated: iso(p.decisionDate),
      link: `${origin}/penalties/${p.id}`,
      summary: `${p.authority}于 ${p.decisionDate} 作出，公示至 ${p.publicUntil ?? "—"}。`,
    })),
    ...f.licences.map((l) => ({
      day: l.decisionDate,
      id: `${origin}/licences/${l.id}`,
      title: `行政许可：${l.decisionTitle}（${l.decisionNo}）`,
      updated: iso(l.decisionDate),
      link: `${origin}/licences/${l.id}`,
      summary: `${l.authority}于 ${l.decisionDate} 作出。`,
    })),
    ...f.entries
      .filter((e) => e.decisionDate)
      .map((e) => ({
        day: e.decisionDate ?? "",
        id: `${origin}/lists/${LIST_KIND_SEGMENTS[e.kind]}/${e.id}`,
        title: `列入${e.listName}`,
        updated: iso(e.decisionDate ?? ""),
        link: `${origin}/lists/${LIST_KIND_SEGMENTS[e.kind]}/${e.id}`,
        summary: `${e.dept}于 ${e.decisionDate} 认定，有效期至 ${e.validUntil ?? "长期"}。`,
      })),
    ...f.breaches
      .filter((b) => b.breachedOn)
      .map((b) => ({
        day: b.breachedOn ?? "",
        id: `${origin}/commitments/breach/${b.id}`,
        title: `违反信用承诺：${b.title}`,
        updated: iso(b.breachedOn ?? ""),
        link: `${origin}/commitments`,
        summary: `${b.dept}于 ${b.breachedOn} 认定违诺。`,
      })),
    ...f.removals.map((r) => ({
      day: r.on,
      id: `${origin}/lists/${LIST_KIND_SEGMENTS[r.kind]}/${r.entryId}#removed`,
      title: `移出${r.listName}`,
      updated: iso(r.on),
      link: `${origin}/lists/${LIST_KIND_SEGMENTS[r.kind]}`,
      summary: `于 ${r.on} 移出（${r.reason}）。`,
    })),
  ];
  return out
    .sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : a.id < b.id ? 1 : -1))
    .slice(0, limit)
    .map(({ day: _day, ...e }) => e);
}
