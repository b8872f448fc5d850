import Link from "next/link";

/** The examples a search box offers, each a link that finds the subject they were taken from (issue 21). */
export function SearchExamples({
  examples,
  tone = "plain",
}: {
  examples: { words: string; initials: string; uscc: string };
  tone?: "plain" | "inverse";
}) {
  const link = (q: string) => (
    <Link
      href={`/search?q=${encodeURIComponent(q)}`}
      className={`font-medium underline ${tone === "inverse" ? "text-white" : "text-brand-700"}`}
    >
      {q}
    </Link>
  );
  return (
    <span data-testid="search-examples">
      例如名称中的字词“{link(examples.words)}”、18 位统一社会信用代码“{link(examples.uscc)}
      ”，或名称的拼音首字母“
      {link(examples.initials)}”。
    </span>
  );
}
