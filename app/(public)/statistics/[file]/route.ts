import { CSV_BOM, csvRow } from "@/lib/web/csv";
import { today } from "@/server/clock";
import { apiError, safeHandler } from "@/server/http/api";
import { rateLimited } from "@/server/http/rate-limit";
import { getStatistics, STATISTICS_SECTIONS } from "@/server/queries/statistics";

/** /statistics/{section}.csv — one figure of the statistics page as CSV, for Excel. */
export const GET = safeHandler(async function GET(
  request: Request,
  { params }: { params: Promise<{ file: string }> },
) {
  const limited = await rateLimited(request);
  if (limited) return limited;
  const m = /^([a-z-]+)\.csv$/.exec((await params).file);
  const section = m?.[1] && m[1] in STATISTICS_SECTIONS ? (m[1] as keyof typeof STATISTICS_SECTIONS) : null;
  if (!section)
    return apiError(
      404,
      "unknown_section",
      `统计项不存在，可选：${Object.keys(STATISTICS_SECTIONS)
        .map((k) => `${k}.csv`)
        .join("、")}。`,
    );
  const city = new URL(request.url).searchParams.get("region");
  const s = await getStatistics(today(), city && /^36\d{2}00$/.test(city) ? city : undefined);
  const t = s[STATISTICS_SECTIONS[section][0]] as { columns: string[]; rows: (string | number)[][] };
  return new Response(CSV_BOM + csvRow(t.columns) + t.rows.map((r) => csvRow(r)).join(""), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="statistics-${section}-${s.asOf}.csv"`,
    },
  });
});
