import { chinaDateTime } from "@/lib/calendar/dates";
import { CHANNEL_LABELS, type Provenance } from "@/lib/records/provenance";
import { Fields, Section } from "./section";

/** 来源与变更记录 of a public record (issue 25 §2): who sent it, when and how, then each public change. */
export function ProvenanceSection({ p }: { p: Provenance | undefined }) {
  if (!p) return null;
  return (
    <Section id="provenance" title="来源与变更记录">
      <div className="space-y-3 px-4 py-3">
        <Fields
          items={[
            ["数据来源单位", p.source],
            ["平台接收时间", chinaDateTime(new Date(p.receivedAt))],
            ["报送渠道", CHANNEL_LABELS[p.channel]],
          ]}
        />
        <ol className="relative space-y-2 border-l-2 border-slate-200 pl-4 text-sm">
          <li>
            <time dateTime={p.receivedAt} className="text-slate-600">
              {chinaDateTime(new Date(p.receivedAt))}
            </time>
            <p>
              平台接收（{CHANNEL_LABELS[p.channel]}，{p.source ?? "数据来源单位"}）
            </p>
          </li>
          {p.history.map((c) => (
            <li key={`${c.at}-${c.text}`}>
              <time dateTime={c.at} className="text-slate-600">
                {chinaDateTime(new Date(c.at))}
              </time>
              <p className="break-words">{c.text}</p>
              {(c.basis || c.caseNo) && (
                <p className="text-slate-600">
                  依据：{[c.basis, c.caseNo && `案件编号 ${c.caseNo}`].filter(Boolean).join("，")}
                </p>
              )}
            </li>
          ))}
        </ol>
        {p.history.length === 0 && <p className="text-sm text-slate-600">接收以来没有更正、撤销或修复。</p>}
      </div>
    </Section>
  );
}
