import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** The text of every page, read back with a PDF library (the report's fonts carry their Unicode maps). */
export async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  let text = "";
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((it) => ("str" in it ? it.str : "")).join("");
  }
  return text;
}
