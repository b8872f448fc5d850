"use client";

import { useState } from "react";
import { CASE_FILE_ACCEPT, CASE_FILE_MAX_BYTES, CASE_FILE_MAX_COUNT } from "@/lib/records/case-file";
import { FieldLabel } from "./form";

/**
 * The materials field: PDF/JPG/PNG, at most 10 MB each. The browser warns early about size and count; the
 * server judges every file again, its type from the content.
 */
export function CaseFilesInput({
  label,
  hint,
  required,
}: {
  label: string;
  hint: string;
  required?: boolean;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <label className="block">
      <FieldLabel label={label} required={required} />
      <input
        type="file"
        name="files"
        multiple
        accept={CASE_FILE_ACCEPT}
        aria-describedby="files-note"
        className="mt-1 block w-full text-sm file:mr-3 file:rounded file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5"
        onChange={(e) => {
          const list = [...(e.currentTarget.files ?? [])];
          const big = list.find((f) => f.size > CASE_FILE_MAX_BYTES);
          const msg =
            list.length > CASE_FILE_MAX_COUNT
              ? `最多上传 ${CASE_FILE_MAX_COUNT} 个文件。`
              : big
                ? `文件“${big.name}”超过 10 MB。`
                : null;
          e.currentTarget.setCustomValidity(msg ?? "");
          setProblem(msg);
        }}
      />
      <span id="files-note" className={`mt-1 block text-xs ${problem ? "text-red-700" : "text-slate-500"}`}>
        {problem ?? hint}
      </span>
    </label>
  );
}
