import { createHash } from "node:crypto";
import type { CheckedCaseFile } from "../../server/case-files";

/** An uploaded PDF as the action hands it to a use case once its content is checked (nothing written yet). */
export function checkedPdf(fileName = "证明材料.pdf"): CheckedCaseFile {
  const bytes = Buffer.from(`%PDF-1.4\n% ${fileName}\n%%EOF\n`);
  return {
    fileName,
    mimeType: "application/pdf",
    sizeBytes: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    bytes,
  };
}
