import "server-only";
import { SUBJECT_KIND_KEYS } from "@/lib/subjects/subject-kinds";
import { LIST_KIND_SEGMENTS } from "@/lib/web/navigation";

const page = {
  name: "page",
  in: "query",
  description: "页码，从 1 开始，每页 20 条（最多 500 页）",
  schema: { type: "integer", minimum: 1, maximum: 500, default: 1 },
};
const region = {
  name: "region",
  in: "query",
  description: "江西省行政区划代码：设区市 4 位（如 3601）或县区 6 位",
  schema: { type: "string", pattern: "^36(\\d{2}){1,2}$" },
};
const dept = { name: "dept", in: "query", description: "决定机关编号", schema: { type: "integer" } };
const from = {
  name: "from",
  in: "query",
  description: "决定日期起（含），YYYY-MM-DD",
  schema: { type: "string", format: "date" },
};
const to = {
  name: "to",
  in: "query",
  description: "决定日期止（含），YYYY-MM-DD",
  schema: { type: "string", format: "date" },
};
const error = { $ref: "#/components/schemas/Error" };
const errors = {
  "400": { description: "参数无效（中文说明原因）", content: { "application/json": { schema: error } } },
  "429": {
    description: "请求过于频繁；Retry-After 头给出秒数",
    content: { "application/json": { schema: error } },
  },
};
const ok = (description: string) => ({
  "200": { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Page" } } } },
  ...errors,
});

/** The public read API, OpenAPI 3.1. The /open-data page renders this same object. */
/** What every record of the public lists carries about itself (issue 25 §2). */
const PROVENANCE_NOTE =
  "每条记录附 provenance：source（数据来源单位）、sourceUscc、receivedAt（平台接收时间）、channel（console 信用信息系统录入、import 批量导入、api 数据报送接口）与 history（公开的变更记录，按时间先后：action 为 corrected 更正、withdrawn 撤销、repaired 信用修复、restored 恢复公示、removed 移出名单；fields 为更正的字段及原值、新值，自然人记录的文字字段只列字段名；basis 为依据，caseNo 为异议或修复案件编号；text 为中文说明）。";

export const OPENAPI = {
  openapi: "3.1.0",
  info: {
    title: "信用江西 公共信用信息开放接口",
    version: "1.0.0",
    description: "公开、只读、无需注册。自然人信息一律脱敏。按客户端限流，超出返回 429 及 Retry-After。",
  },
  servers: [{ url: "/" }],
  paths: {
    "/api/v1/subjects": {
      get: {
        summary: "查询信用主体",
        description:
          "按名称片段（至少 2 个字；多个片段用空格或、，分开，须全部包含；繁体、全角自动折叠为简体、半角）、统一社会信用代码（大小写、空格均可）或名称拼音（首字母或全拼）查询。没有完全匹配时，suggestions 列出名称相差个别字、或代码仅一位不同的主体（「您是不是要找」），不计入 total；notice 说明输入的代码为何无效。身份证号码不能放在网址中，请用 POST。",
        parameters: [
          {
            name: "q",
            in: "query",
            required: true,
            description: "查询内容",
            schema: { type: "string", maxLength: 50 },
          },
          page,
          {
            name: "kind",
            in: "query",
            description: "主体类型",
            schema: { type: "string", enum: SUBJECT_KIND_KEYS },
          },
          region,
        ],
        responses: ok("查询结果，按完全匹配、名称长度、最近活动排序"),
      },
      post: {
        summary: "查询信用主体（请求体）",
        description:
          "与 GET 相同，查询内容放在 JSON 请求体中；按自然人完整身份证号码查询只能用此方式，结果脱敏。",
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["q"],
                properties: { q: { type: "string" }, page: { type: "integer", minimum: 1 } },
              },
            },
          },
        },
        responses: ok("查询结果"),
      },
    },
    "/api/v1/subjects/{code}": {
      get: {
        summary: "信用主体的公开信用信息",
        parameters: [
          {
            name: "code",
            in: "path",
            required: true,
            description: "统一社会信用代码（自然人为其公开编号）",
            schema: { type: "string" },
          },
        ],
        responses: {
          "200": {
            description: "基本信息、公示期内的行政处罚、有效许可、名单、信用承诺和评价",
            content: { "application/json": { schema: { type: "object" } } },
          },
          "400": {
            description: "代码格式错误或校验位错误，说明原因",
            content: { "application/json": { schema: error } },
          },
          "404": {
            description: "代码有效，但没有该主体",
            content: { "application/json": { schema: error } },
          },
          "429": errors["429"],
        },
      },
    },
    "/api/v1/penalties": {
      get: {
        summary: "行政处罚（公示期内）",
        parameters: [page, dept, region, from, to],
        description: PROVENANCE_NOTE,
        responses: ok("行政处罚，新的在前"),
      },
    },
    "/api/v1/licences": {
      get: {
        summary: "行政许可",
        parameters: [page, dept, region, from, to],
        description: PROVENANCE_NOTE,
        responses: ok("行政许可，新的在前"),
      },
    },
    "/api/v1/open-data/{dataset}/changes": {
      get: {
        summary: "开放数据增量（自某版本或某时间以来的变更）",
        description:
          "完整文件（/open-data/{dataset}.csv|.json）每晚生成，记录变更停止若干分钟后也另行生成，每次生成一个版本号（应答头 X-Open-Data-Version）。本接口返回自 since 所指版本以来新增、更新（op=upsert，record 为最新一版文件中的整行）和删除（op=delete，reason 为原因：撤销、信用修复、公示期届满等）的记录，按记录编号排序；next 不为空时以 cursor=next 续取。把各页依次应用到该版本的完整文件，即得到最新版本的完整文件。since 早于保留的最旧版本时返回 410，并说明应先下载的完整文件。/open-data/{dataset}.csv?since= 以 CSV 返回同样内容。",
        parameters: [
          {
            name: "dataset",
            in: "path",
            required: true,
            description:
              "数据集：penalties、licences、lists-red、lists-serious-dishonesty、lists-key-attention、lists-market-ban、commitments",
            schema: { type: "string" },
          },
          {
            name: "since",
            in: "query",
            description: "版本号（如 42），或 ISO 8601 时间（取该时间已生成的最新版本）；不能晚于当前时间",
            schema: { type: "string" },
          },
          {
            name: "cursor",
            in: "query",
            description: "上一页应答中的 next，原样传回",
            schema: { type: "string" },
          },
          {
            name: "limit",
            in: "query",
            description: "每页条数，默认 1000，最多 5000",
            schema: { type: "integer", minimum: 1, maximum: 5000 },
          },
        ],
        responses: ok(
          "{ dataset, since, version, changes: [{ op, id, generation, record | reason }], next }",
        ),
      },
    },
    "/api/v1/lists/{kind}/entries": {
      get: {
        summary: "名单公布中的条目",
        description: PROVENANCE_NOTE,
        parameters: [
          {
            name: "kind",
            in: "path",
            required: true,
            schema: { type: "string", enum: Object.values(LIST_KIND_SEGMENTS) },
          },
          page,
          region,
        ],
        responses: ok("公布中的名单条目；过期、移出、修复的不再返回"),
      },
    },
    "/api/v1/commitments": {
      get: {
        summary: "信用承诺",
        parameters: [
          page,
          {
            name: "type",
            description:
              "承诺类型：approval_substitute 审批替代型、tolerance 容缺受理型、self_discipline 行业自律型、voluntary 主动型、repair 信用修复型",
            in: "query",
            schema: {
              type: "string",
              enum: ["approval_substitute", "tolerance", "self_discipline", "voluntary", "repair"],
            },
          },
          {
            name: "fulfilment",
            description: "履约状态：in_progress 履约中、fulfilled 已履约、breached 违诺",
            in: "query",
            schema: { type: "string", enum: ["in_progress", "fulfilled", "breached"] },
          },
        ],
        responses: ok("审核通过的信用承诺及履约状态"),
      },
    },
  },
  components: {
    schemas: {
      Error: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message"],
            properties: { code: { type: "string" }, message: { type: "string", description: "中文说明" } },
          },
        },
      },
      Page: {
        type: "object",
        properties: {
          page: { type: "integer" },
          pageSize: { type: "integer" },
          total: { type: "integer" },
          totalIsLowerBound: { type: "boolean", description: "为 true 时，实际条数多于 total" },
          results: { type: "array", items: { type: "object" } },
        },
      },
    },
  },
} as const;
