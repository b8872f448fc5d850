import { intParam } from "@/lib/web/query-string";
import { isImportJobFinished } from "@/lib/workflows/import-job";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { consoleRoute } from "@/server/http/console-route";
import { getImportJob, importStatus } from "@/server/queries/imports";
import { importEnv, kickImport } from "@/server/services/imports/start-import";

/** The progress the page polls; a job whose server stopped is resumed by the first look at it. */
export const GET = consoleRoute<{ id: string }>(["operator"], async ({ user, params }) => {
  const job = await getImportJob({ id: intParam(params.id), actor: user });
  if (!job) throw new AppError("not_found", "导入任务不存在。");
  if (!isImportJobFinished(job.state)) await kickImport(await getDb(), job.id, await importEnv());
  return Response.json(importStatus(job), { headers: { "cache-control": "no-store" } });
});
