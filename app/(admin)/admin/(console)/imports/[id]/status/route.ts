import { today } from "@/server/clock";
import { config } from "@/server/config";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { consoleRoute } from "@/server/http/console-route";
import { getImportJob } from "@/server/queries/imports";
import { kickImport } from "@/server/services/imports/start-import";
import { getPolicy } from "@/server/settings";

/** The progress the page polls; a job whose server stopped is resumed by the first look at it. */
export const GET = consoleRoute<{ id: string }>(["operator"], async ({ user, params }) => {
  const job = await getImportJob(Number(params.id), user.departmentId);
  if (!job) throw new AppError("not_found", "导入任务不存在。");
  if (job.state !== "done" && job.state !== "failed") {
    const { disclosureFineThresholdWan } = await getPolicy();
    await kickImport(await getDb(), job.id, {
      importDir: config().importDir,
      today: today(),
      thresholdWan: disclosureFineThresholdWan,
    });
  }
  const {
    state,
    totalRows,
    validatedRows,
    committedRows,
    newCount,
    updatedCount,
    unchangedCount,
    rejectedCount,
    message,
  } = job;
  return Response.json(
    {
      state,
      totalRows,
      validatedRows,
      committedRows,
      newCount,
      updatedCount,
      unchangedCount,
      rejectedCount,
      message,
    },
    { headers: { "cache-control": "no-store" } },
  );
});
