import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Section } from "@/components/section";
import { OPENAPI } from "@/server/http/openapi";
import { DATASET_KEYS, getDataset } from "@/server/queries/exports";
import { getPolicy } from "@/server/settings";

export const metadata: Metadata = { title: "开放数据" };

type Param = { name: string; in: string; description?: string; required?: boolean };
type Operation = {
  summary: string;
  description?: string;
  parameters?: readonly Param[];
  requestBody?: unknown;
};

export default async function OpenDataPage() {
  await connection();
  const policy = await getPolicy();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">开放数据</h1>
      <p className="text-slate-700">
        公开的信用信息可整体下载或通过接口读取，无需注册。自然人信息一律脱敏。每个客户端每分钟最多{" "}
        {policy.apiRateLimitPerMinute} 次请求，超出时返回 HTTP 429 和 Retry-After。提供哪些数据项，以
        <Link href="/catalogue" className="text-brand-700 underline">
          公共信用信息资源目录
        </Link>
        中标为“公开”的为准。
      </p>
      <Section id="datasets" title="数据下载">
        <table className="w-full text-sm">
          <caption className="sr-only">可下载的数据集</caption>
          <thead className="bg-slate-50 text-left">
            <tr>
              <th scope="col" className="px-4 py-2">
                数据集
              </th>
              <th scope="col" className="px-4 py-2">
                下载
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {DATASET_KEYS.map((key) => (
              <tr key={key}>
                <td className="px-4 py-2">{getDataset(key)?.title}</td>
                <td className="space-x-3 px-4 py-2">
                  <a href={`/open-data/${key}.csv`} className="text-brand-700 underline" download>
                    CSV<span className="sr-only">：{getDataset(key)?.title}</span>
                  </a>
                  <a href={`/open-data/${key}.json`} className="text-brand-700 underline" download>
                    JSON<span className="sr-only">：{getDataset(key)?.title}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="px-4 py-2 text-sm text-slate-600">
          CSV 为 UTF-8 编码（带 BOM，可直接用 Excel 打开），以 = + - @
          开头的内容前加单引号，防止被当作公式执行。
        </p>
      </Section>
      <Section id="mirrors" title="镜像与增量更新">
        <div className="space-y-2 px-4 py-3 text-sm text-slate-700">
          <p>
            完整文件每晚生成一次
            {policy.openDataBatchQuietMinutes > 0
              ? `，记录变更停止 ${policy.openDataBatchQuietMinutes} 分钟后也另行生成`
              : ""}
            ，每次生成有一个版本号（下载时的应答头 X-Open-Data-Version）。文件生成后原样提供，支持
            ETag、Last-Modified 和 gzip 压缩，内容未变时返回
            304。每条记录附数据来源单位、平台接收时间、报送渠道和公开的变更记录。
          </p>
          <p>
            需要保持同步的机构可在下载某一版本后，按版本号或时间取增量：
            <code className="rounded bg-slate-100 px-1">/open-data/penalties.json?since=版本号</code>
            （或 .csv），或{" "}
            <code className="rounded bg-slate-100 px-1">/api/v1/open-data/penalties/changes?since=</code>
            。增量列出新增、更新的整行和删除的记录编号及原因，按应答中的 next
            翻页；依次应用即得到最新的完整文件。增量保留最近 {policy.openDataRetainedFiles} 个版本。
          </p>
          <p>
            各文件的字段、大小、校验值、许可协议和更新频率见{" "}
            <a href="/open-data/datapackage.json" className="text-brand-700 underline">
              datapackage.json
            </a>
            （Frictionless Data 数据包描述）。
          </p>
        </div>
      </Section>
      <Section id="api" title="数据接口">
        <p className="px-4 pt-3 text-sm">
          接口说明（OpenAPI 3.1）：
          <a href="/api/v1/openapi.json" className="text-brand-700 underline">
            /api/v1/openapi.json
          </a>
          。各名单页面提供 Atom 订阅（如{" "}
          <a href="/lists/serious-dishonesty/feed.xml" className="text-brand-700 underline">
            严重失信主体名单
          </a>
          ）。
        </p>
        <ul className="divide-y divide-slate-200">
          {Object.entries(OPENAPI.paths).flatMap(([path, item]) =>
            (Object.entries(item) as [string, Operation][]).map(([method, op]) => (
              <li key={`${method} ${path}`} className="space-y-1 px-4 py-3 text-sm">
                <div>
                  <code className="rounded bg-slate-100 px-1 font-semibold">
                    {method.toUpperCase()} {path}
                  </code>{" "}
                  {op.summary}
                </div>
                {op.description && <p className="text-slate-700">{op.description}</p>}
                <ul className="list-disc pl-6 text-slate-700">
                  {(op.parameters ?? []).map((p) => (
                    <li key={p.name}>
                      <code>{p.name}</code>
                      {p.required ? "（必填）" : ""}
                      {p.description ? `：${p.description}` : ""}
                    </li>
                  ))}
                  {op.requestBody !== undefined && <li>请求体：JSON 对象 {"{ q, page }"}</li>}
                </ul>
              </li>
            )),
          )}
        </ul>
      </Section>
    </div>
  );
}
