import sanitizeHtml from "sanitize-html";

/**
 * Issue 13 §3: a news body as the public page may show it — the editor's structure (headings, paragraphs, lists,
 * emphasis, quotes, tables, links) and nothing else. `sanitize-html` parses the markup (htmlparser2) and keeps
 * only what is listed: no script, style, iframe or form, no event handler or inline style, no `javascript:` or
 * `data:` URL. Links to other sites open with rel="noopener noreferrer nofollow".
 */
export function sanitizeNewsHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [
      "p",
      "br",
      "h2",
      "h3",
      "h4",
      "strong",
      "b",
      "em",
      "i",
      "u",
      "s",
      "blockquote",
      "ul",
      "ol",
      "li",
      "a",
      "table",
      "thead",
      "tbody",
      "tr",
      "th",
      "td",
      "hr",
      "code",
      "pre",
    ],
    allowedAttributes: {
      a: ["href", "title", "rel", "target"],
      th: ["colspan", "rowspan"],
      td: ["colspan", "rowspan"],
    },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesAppliedToAttributes: ["href"],
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    transformTags: {
      a: (tagName, attribs) => ({
        tagName,
        attribs: /^https?:/i.test(attribs.href ?? "")
          ? { ...attribs, rel: "noopener noreferrer nofollow", target: "_blank" }
          : attribs,
      }),
    },
  }).trim();
}

/** The text of a body, for summaries and feeds. */
export const plainTextOf = (html: string) =>
  sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, " ").trim();
