import { describe, expect, it } from "vitest";
import { type AtomEntry, type AtomFeed, buildAtomFeed, escapeXml } from "./atom";

// --- tiny XML helpers written for this test (no DOMParser) -------------------------------------------

/** Decode the five predefined XML entities and numeric character references. */
function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_m, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "amp") return "&";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    if (e.startsWith("#x")) return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
    return String.fromCodePoint(Number.parseInt(e.slice(1), 10));
  });
}

/** No bare & (every & starts an entity) and no < outside markup. */
const BARE_AMP = /&(?!(?:#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);)/;

/** Check that the tags are balanced; returns the list of element names in document order. */
function checkWellFormed(xml: string): string[] {
  const body = xml.replace(/^\s*<\?xml[^?]*\?>/, "");
  const names: string[] = [];
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/g;
  let last = 0;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    const text = body.slice(last, m.index);
    if (text.includes("<") || text.includes(">")) throw new Error(`stray markup in text: ${text}`);
    if (BARE_AMP.test(text)) throw new Error(`bare & in text: ${text}`);
    if (BARE_AMP.test(m[3] ?? "")) throw new Error(`bare & in attributes: ${m[0]}`);
    last = tag.lastIndex;
    const [, close, name = "", , selfClose] = m;
    if (close) {
      if (stack.pop() !== name) throw new Error(`unbalanced </${name}>`);
    } else {
      names.push(name);
      if (!selfClose) stack.push(name);
    }
  }
  const rest = body.slice(last);
  if (rest.trim() !== "") throw new Error(`trailing text: ${rest}`);
  if (stack.length) throw new Error(`unclosed: ${stack.join(",")}`);
  return names;
}

function attrs(tagText: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tagText.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out[m[1] as string] = unescapeXml(m[2] ?? m[3] ?? "");
  }
  return out;
}

function entries(xml: string): string[] {
  return [...xml.matchAll(/<entry\b[^>]*>([\s\S]*?)<\/entry>/g)].map((m) => m[1] as string);
}

function childText(xml: string, name: string): string | undefined {
  const m = new RegExp(`<${name}\\b[^>]*>([\\s\\S]*?)</${name}>`).exec(xml);
  return m ? unescapeXml(m[1] as string) : undefined;
}

/** The feed-level part: everything outside <entry> elements. */
const feedHead = (xml: string) => xml.replace(/<entry\b[\s\S]*?<\/entry>/g, "");

// -------------------------------------------------------------------------------------------------

const entry = (n: number, p: Partial<AtomEntry> = {}): AtomEntry => ({
  id: `urn:credit-jiangxi:publication:${n}`,
  title: `行政处罚公示 ${n}`,
  updated: `2026-03-0${n}T08:00:00Z`,
  link: `https://credit.jiangxi.gov.cn/publicity/${n}`,
  summary: `赣市监罚〔2026〕${n}号`,
  ...p,
});

const feed = (p: Partial<AtomFeed> = {}): AtomFeed => ({
  id: "urn:credit-jiangxi:feed:publicity",
  title: "信用江西 新公示",
  updated: "2026-03-05T08:00:00Z",
  selfLink: "https://credit.jiangxi.gov.cn/feed.atom",
  alternateLink: "https://credit.jiangxi.gov.cn/publicity",
  entries: [entry(1), entry(2), entry(3)],
  ...p,
});

describe("escapeXml (spec 4: every text is XML-escaped)", () => {
  it("escapes < > & and both quotes", () => {
    const out = escapeXml(`<script>alert("x")&'</script>`);
    expect(out).not.toMatch(/[<>"']/);
    expect(out).not.toMatch(BARE_AMP);
    expect(out).toContain("&lt;script&gt;");
    expect(out).toContain("&amp;");
    expect(unescapeXml(out)).toBe(`<script>alert("x")&'</script>`);
  });
  it("& is escaped once, before the others (no double escaping of the produced entities)", () => {
    expect(escapeXml("a&b")).toBe("a&amp;b");
    expect(escapeXml("<")).toBe("&lt;");
    expect(escapeXml("&lt;")).toBe("&amp;lt;");
  });
  it("leaves plain and Chinese text alone", () => {
    expect(escapeXml("信用江西 2026")).toBe("信用江西 2026");
    expect(escapeXml("")).toBe("");
  });
});

describe("buildAtomFeed — Atom 1.0 structure (spec 4, RFC 4287)", () => {
  it('is well-formed XML with root <feed xmlns="http://www.w3.org/2005/Atom">', () => {
    const xml = buildAtomFeed(feed());
    const names = checkWellFormed(xml);
    expect(names[0]).toBe("feed");
    const root = /<feed\b[^>]*>/.exec(xml)?.[0] ?? "";
    expect(attrs(root).xmlns).toBe("http://www.w3.org/2005/Atom");
  });

  it.each([0, 1, 3])("one <entry> per entry (%d entries)", (n) => {
    const xml = buildAtomFeed(feed({ entries: Array.from({ length: n }, (_, i) => entry(i + 1)) }));
    checkWellFormed(xml);
    expect(entries(xml)).toHaveLength(n);
  });

  it('has a rel="self" link of type application/atom+xml to selfLink and a rel="alternate" link', () => {
    const xml = feedHead(buildAtomFeed(feed()));
    const links = [...xml.matchAll(/<link\b[^>]*>/g)].map((m) => attrs(m[0]));
    const self = links.filter((l) => l.rel === "self");
    expect(self).toHaveLength(1);
    expect(self[0]).toMatchObject({
      type: "application/atom+xml",
      href: "https://credit.jiangxi.gov.cn/feed.atom",
    });
    const alt = links.filter((l) => l.rel === "alternate" || l.rel === undefined);
    expect(alt.map((l) => l.href)).toContain("https://credit.jiangxi.gov.cn/publicity");
  });

  it("feed-level id, title and updated carry the given values", () => {
    const head = feedHead(buildAtomFeed(feed()));
    expect(childText(head, "id")).toBe("urn:credit-jiangxi:feed:publicity");
    expect(childText(head, "title")).toBe("信用江西 新公示");
    expect(childText(head, "updated")).toBe("2026-03-05T08:00:00Z");
  });

  it("each entry carries its id, title, updated, link and summary, in order", () => {
    const list = [entry(1), entry(2), entry(3)];
    const got = entries(buildAtomFeed(feed({ entries: list })));
    got.forEach((e, i) => {
      const want = list[i] as AtomEntry;
      expect(childText(e, "id")).toBe(want.id);
      expect(childText(e, "title")).toBe(want.title);
      expect(childText(e, "updated")).toBe(want.updated);
      expect(childText(e, "summary")).toBe(want.summary);
      const link = /<link\b[^>]*>/.exec(e)?.[0] ?? "";
      expect(attrs(link).href).toBe(want.link);
    });
  });
});

describe("buildAtomFeed — every text is XML-escaped (spec 4)", () => {
  const evil = `<script>alert("x")</script>&'`;

  it("a title with <script>&\"' appears escaped, never raw", () => {
    const xml = buildAtomFeed(feed({ title: evil, entries: [entry(1, { title: evil, summary: evil })] }));
    expect(xml).not.toContain("<script>");
    expect(xml).not.toContain("</script>");
    expect(xml).toContain("&lt;script&gt;");
    checkWellFormed(xml);
    expect(childText(feedHead(xml), "title")).toBe(evil);
    const [e] = entries(xml);
    expect(childText(e ?? "", "title")).toBe(evil);
    expect(childText(e ?? "", "summary")).toBe(evil);
  });

  it("ids, dates and links are escaped too (& in a URL becomes &amp; in href)", () => {
    const xml = buildAtomFeed(
      feed({
        id: "urn:x?a=1&b=<2>",
        updated: "2026-03-05T08:00:00Z&<",
        selfLink: 'https://credit.jiangxi.gov.cn/feed.atom?a=1&b="2"',
        alternateLink: "https://credit.jiangxi.gov.cn/publicity?kind=penalty&city=3601",
        entries: [
          entry(1, {
            id: "urn:e?x=1&y=2",
            updated: "<now>",
            link: 'https://credit.jiangxi.gov.cn/p?id=1&ref="feed"\'',
          }),
        ],
      }),
    );
    checkWellFormed(xml);
    expect(xml).not.toContain("<2>");
    expect(xml).not.toContain("<now>");
    expect(xml).not.toMatch(BARE_AMP);
    expect(xml).toContain("?a=1&amp;b=");
    const head = feedHead(xml);
    expect(childText(head, "id")).toBe("urn:x?a=1&b=<2>");
    const self = [...head.matchAll(/<link\b[^>]*>/g)].map((m) => attrs(m[0])).find((l) => l.rel === "self");
    expect(self?.href).toBe('https://credit.jiangxi.gov.cn/feed.atom?a=1&b="2"');
    const [e] = entries(xml);
    expect(childText(e ?? "", "id")).toBe("urn:e?x=1&y=2");
    expect(childText(e ?? "", "updated")).toBe("<now>");
    expect(attrs(/<link\b[^>]*>/.exec(e ?? "")?.[0] ?? "").href).toBe(
      'https://credit.jiangxi.gov.cn/p?id=1&ref="feed"\'',
    );
  });
});
