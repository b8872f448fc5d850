"use client";

import { usePathname } from "next/navigation";
import { SearchBox } from "@/components/search-box";
import { parseSubjectCode } from "@/lib/subjects/subject-code";
import { submitSearch } from "../../search/actions";

/** Says why: a malformed code (with the check's reason) or a valid code we hold no record of. */
export default function SubjectNotFound() {
  const raw = usePathname().split("/")[2] ?? "";
  const code = parseSubjectCode(raw);
  return (
    <div className="mx-auto max-w-3xl space-y-4 py-6">
      <h1 className="text-2xl font-bold">未找到该信用主体</h1>
      <p className="text-slate-700">
        {code.kind === "invalid"
          ? code.message
          : "该代码格式正确，但本平台尚未归集该主体的信用信息，或该主体已注销。"}
      </p>
      <p className="text-slate-700">可以按名称或统一社会信用代码重新查询：</p>
      <SearchBox action={submitSearch} />
    </div>
  );
}
