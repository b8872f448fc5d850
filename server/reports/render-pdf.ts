import "server-only";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import type { ReportDocument } from "@/lib/reports/report-document";

/**
 * Noto Sans SC (SIL OFL 1.1) from the npm registry, not the machine: a reader's computer may have no CJK font, so
 * the glyphs a report uses are subset into the file (pdfkit with fontkit). Read once per process.
 */
const FONT_DIR = join(
  /*turbopackIgnore: true*/ process.cwd(),
  "node_modules/@expo-google-fonts/noto-sans-sc",
);
let fonts: { regular: Buffer; bold: Buffer } | null = null;
function loadFonts() {
  fonts ??= {
    regular: readFileSync(join(/*turbopackIgnore: true*/ FONT_DIR, "400Regular/NotoSansSC_400Regular.ttf")),
    bold: readFileSync(join(/*turbopackIgnore: true*/ FONT_DIR, "700Bold/NotoSansSC_700Bold.ttf")),
  };
  return fonts;
}

const BRAND = "#174a96";
const MUTED = "#475569";

/** Draws a report: facts and QR code first, then each section, a footer with the number and page on every page. */
export async function renderReportPdf(
  d: ReportDocument,
  o: { verifyUrl: string; verifyPage: string; code: string; reportNo: string },
): Promise<Buffer> {
  const f = loadFonts();
  const qr = await QRCode.toBuffer(o.verifyUrl, { margin: 1, width: 240, errorCorrectionLevel: "M" });
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 64, left: 56, right: 56 },
    bufferPages: true,
    info: {
      Title: `${d.title} ${o.reportNo}`,
      Author: "信用江西",
      Subject: d.facts[2]?.[1] ?? "",
      Creator: "信用江西",
    },
  });
  doc.registerFont("r", f.regular);
  doc.registerFont("b", f.bold);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const left = doc.page.margins.left;

  doc.font("b").fontSize(20).fillColor(BRAND).text(d.title, { align: "center" });
  doc.font("r").fontSize(11).fillColor(MUTED).text(d.subtitle, { align: "center" });
  doc.moveDown(1);
  const top = doc.y;
  doc.image(qr, left + width - 96, top, { width: 96 });
  doc
    .font("r")
    .fontSize(8)
    .fillColor(MUTED)
    .text("扫码核验", left + width - 96, top + 98, { width: 96, align: "center" });
  doc.y = top;
  for (const [k, v] of [...d.facts, ["核验码", o.code], ["核验网址", o.verifyPage]] as [string, string][]) {
    doc
      .font("b")
      .fontSize(10)
      .fillColor("#0f172a")
      .text(`${k}：`, left, doc.y, { continued: true, width: width - 110 });
    doc.font("r").text(v || "—");
  }
  doc.y = Math.max(doc.y, top + 112);

  for (const s of d.sections) {
    doc.moveDown(0.8);
    if (doc.y > doc.page.height - 140) doc.addPage();
    const y = doc.y;
    doc.rect(left, y, width, 22).fill(s.private ? "#fef3c7" : "#e8eef8");
    doc
      .font("b")
      .fontSize(12)
      .fillColor(s.private ? "#92400e" : BRAND)
      .text(s.heading, left + 8, y + 5, { width: width - 16 });
    doc.y = y + 28;
    if (s.note) doc.font("r").fontSize(9).fillColor(MUTED).text(s.note, left, doc.y, { width });
    if (s.items.length === 0 && s.empty)
      doc.font("r").fontSize(10).fillColor("#0f172a").text(s.empty, left, doc.y, { width });
    for (const [i, item] of s.items.entries()) {
      if (doc.y > doc.page.height - 120) doc.addPage();
      doc.moveDown(0.3);
      doc
        .font("b")
        .fontSize(10.5)
        .fillColor("#0f172a")
        .text(`${i + 1}. ${item.title}`, left, doc.y, { width });
      for (const [k, v] of item.fields) {
        doc
          .font("r")
          .fontSize(9.5)
          .fillColor(MUTED)
          .text(`${k}：`, left + 14, doc.y, { continued: true, width: width - 14 });
        doc.fillColor("#0f172a").text(v || "—");
      }
    }
  }
  doc.moveDown(1.2);
  if (doc.y > doc.page.height - 150) doc.addPage(); // the closing notes stay together
  doc.font("r").fontSize(9).fillColor(MUTED);
  for (const line of d.closing) doc.text(line, left, doc.y, { width });

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // the footer sits in the margin without starting a new page
    doc
      .font("r")
      .fontSize(8)
      .fillColor(MUTED)
      .text(
        `信用江西 · 报告编号 ${o.reportNo} · 核验码 ${o.code} · 第 ${i + 1} 页 共 ${range.count} 页`,
        left,
        doc.page.height - 40,
        { width, align: "center", lineBreak: false },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
