import { z } from "zod";
import { IMPORT_MODES } from "@/lib/records/import-file";
import { plainText } from "@/lib/web/text";
import { metaFromHeaders } from "@/server/auth/request-meta";
import { today } from "@/server/clock";
import { config } from "@/server/config";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { consoleRoute } from "@/server/http/console-route";
import { receiveUpload } from "@/server/services/imports/receive-upload";
import { createImportJob, importEnv, kickImport } from "@/server/services/imports/start-import";

const params = z.object({
  kind: z.enum(["penalty", "licence"], { message: "请选择导入的记录类型" }),
  mode: z.enum(IMPORT_MODES, { message: "请选择导入方式" }),
  name: z
    .string()
    .trim()
    .min(1, "缺少文件名")
    .max(256, "文件名不能超过 256 个字")
    .superRefine(plainText("文件名")),
});

/** The file arrives as the raw request body; kind, mode and name in the query string. */
export const POST = consoleRoute(["operator"], async ({ request, user }) => {
  const parsed = params.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new AppError("invalid", parsed.error.issues[0]?.message ?? "参数有误");
  const { importDir } = config();
  const db = await getDb(); // first: a database that is down must not leave a received file behind
  const { tempPath, size, sniffed } = await receiveUpload(request, importDir, parsed.data.name);
  const ctx = { db, actor: user, meta: metaFromHeaders(request.headers), today: today() };
  const id = await createImportJob(ctx, {
    kind: parsed.data.kind,
    mode: parsed.data.mode,
    fileName: parsed.data.name,
    size,
    format: sniffed.format,
    encoding: sniffed.encoding ?? "utf-8",
    tempPath,
    importDir,
  });
  await kickImport(db, id, await importEnv());
  return Response.json({ id, encoding: sniffed.encoding }, { status: 201 });
});
