import { stripXmlForbidden } from "./text";

/** A minimal Atom 1.0 (RFC 4287) document builder. */
export type AtomEntry = { id: string; title: string; updated: string; link: string; summary: string };
export type AtomFeed = {
  id: string;
  title: string;
  updated: string;
  selfLink: string;
  alternateLink: string;
  entries: AtomEntry[];
};

/** Escapes markup and drops what XML 1.0 forbids outright (issue 9 §8: a U+0001 in a name broke the feed). */
export function escapeXml(s: string): string {
  return stripXmlForbidden(s).replace(
    /[<>&'"]/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c] ?? c,
  );
}

export function buildAtomFeed(f: AtomFeed): string {
  const entries = f.entries
    .map(
      (e) => `  <entry>
    <id>${escapeXml(e.id)}</id>
    <title>${escapeXml(e.title)}</title>
    <updated>${escapeXml(e.updated)}</updated>
    <link rel="alternate" type="text/html" href="${escapeXml(e.link)}"/>
    <summary>${escapeXml(e.summary)}</summary>
  </entry>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>${escapeXml(f.id)}</id>
  <title>${escapeXml(f.title)}</title>
  <updated>${escapeXml(f.updated)}</updated>
  <link rel="self" type="application/atom+xml" href="${escapeXml(f.selfLink)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(f.alternateLink)}"/>
  <author><name>信用江西</name></author>
${entries}
</feed>
`;
}
