import { z } from "zod";
import { SetupError } from "@/db/errors";

/**
 * Every environment variable the app reads, parsed once. The README's table lists the same variables;
 * keep the two together.
 */
const schema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .refine(
      (v) => v === undefined || /^postgres(ql)?:\/\//.test(v),
      "应为 postgres:// 或 postgresql:// 开头的连接地址",
    ),
  PGLITE_DIR: z.string().trim().min(1).default("./.data/pglite"),
  IMPORT_DIR: z.string().trim().min(1).default("./.data/imports"),
  CASE_FILES_DIR: z.string().trim().min(1).default("./.data/case-files"),
  OPEN_DATA_DIR: z.string().trim().min(1).default("./.data/open-data"),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  WEB_CONCURRENCY: z.coerce
    .number({ message: "应为 1 到 64 的整数" })
    .int("应为 1 到 64 的整数")
    .min(1, "应为 1 到 64 的整数")
    .max(64, "应为 1 到 64 的整数")
    .default(1),
  IMPORT_READER_HEAP_MB: z.coerce.number().int().min(16, "至少 16").max(8192, "至多 8192").default(384),
  PII_KEY: z.string().min(16, "至少 16 个字符").optional(),
  AUTH_SECRET: z.string().min(16, "至少 16 个字符").optional(),
  AUDIT_KEY: z.string().min(16, "至少 16 个字符").optional(),
  SITE_URL: z
    .url({ protocol: /^https?$/, message: "应为网站的公开地址，如 https://credit.jiangxi.gov.cn" })
    .transform((v) => v.replace(/\/+$/, ""))
    .optional(),
  AUDIT_CHECKPOINT_FILE: z.string().trim().min(1).optional(),
  TRUSTED_PROXIES: z.coerce
    .number({ message: "应为 0 到 10 的整数" })
    .int("应为 0 到 10 的整数")
    .min(0, "应为 0 到 10 的整数")
    .max(10, "应为 0 到 10 的整数")
    .default(0),
  SMTP_URL: z
    .url({
      protocol: /^smtps?$/,
      message: "应为 smtp:// 或 smtps:// 开头的地址，如 smtps://user:pass@smtp.example.cn:465",
    })
    .optional(),
  MAIL_FROM: z.string().trim().min(3).default("信用江西 <noreply@credit.jiangxi.gov.cn>"),
  SMS_GATEWAY_URL: z.url({ protocol: /^https?$/, message: "应为短信网关的 http(s) 地址" }).optional(),
  SMS_GATEWAY_KEY: z.string().min(16, "至少 16 个字符").optional(),
  S3_URL: z
    .url({ protocol: /^https?$/, message: "应为对象存储的 http(s) 地址，如 http://127.0.0.1:8333" })
    .optional(),
  S3_BUCKET: z.string().trim().min(3, "至少 3 个字符").optional(),
  S3_ACCESS_KEY_ID: z.string().trim().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_REGION: z.string().trim().min(1).default("us-east-1"),
  DATABASE_REPLICA_URLS: z
    .string()
    .trim()
    .transform((v) =>
      v
        .split(",")
        .map((u) => u.trim())
        .filter(Boolean),
    )
    .refine(
      (urls) => urls.every((u) => /^postgres(ql)?:\/\//.test(u)),
      "应为以逗号分隔的 postgres:// 连接地址",
    )
    .optional(),
  DATABASE_REPLICA_MAX_LAG_MS: z.coerce
    .number({ message: "应为 100 到 600000 的整数（毫秒）" })
    .int("应为 100 到 600000 的整数（毫秒）")
    .min(100, "应为 100 到 600000 的整数（毫秒）")
    .max(600_000, "应为 100 到 600000 的整数（毫秒）")
    .default(5_000),
  OUTBOX_WORKER: z.enum(["inline", "off"], { message: "应为 inline 或 off" }).optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).catch(3000).default(3000),
});

/** An S3-compatible object store shared by every app node (issue 24 §2). */
export type S3Config = {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
};

export type Config = {
  databaseUrl: string | undefined;
  pgliteDir: string;
  /** uploaded import files, kept until their job ends (README) */
  importDir: string;
  /** materials of repairs and self-reports: outside public/, served only to the applicant and its reviewers */
  caseFilesDir: string;
  /** when set, case files and news attachments are kept there instead of caseFilesDir */
  s3: S3Config | undefined;
  /** the open-data files, produced once per generation and served as they are (issue 25 §4) */
  openDataDir: string;
  poolSize: number;
  /** server processes sharing the port (scripts/serve.ts): one per core beside PostgreSQL, one on the embedded database */
  webConcurrency: number;
  /** streaming replicas for public reads (issue 24 §3); empty: every read goes to the primary */
  replicaUrls: string[];
  /** a replica further behind than this is skipped until it catches up */
  replicaMaxLagMs: number;
  /** the heap of the XLSX reader's own process (issue 20 N2): a file needing more is refused */
  importReaderHeapMb: number;
  /** keys the HMAC digest and the encryption of natural persons' ID numbers */
  piiKey: string;
  authSecret: string | undefined;
  /** keys the audit log's HMAC chain; lives outside the database so a superuser cannot recompute the chain */
  auditKey: string;
  /** no AUDIT_KEY was set: the chain is keyed with a key anyone can read in this source */
  auditKeyIsDemo: boolean;
  /** append-only file of the audit chain's head, outside the database (issue 9 §3) */
  auditCheckpointFile: string;
  /** the public address of the site, for absolute links (feeds, OpenAPI); unset: from the request's host */
  siteUrl: string | undefined;
  /**
   * where a stored report's QR code and printed address point (issue 20 N5): SITE_URL, never a request's Host; this
   * server's own local address (PORT) when unset, as for the demo
   */
  reportOrigin: string;
  /** how many reverse proxies stand in front and may be believed about the client (X-Forwarded-*) */
  trustedProxies: number;
  /** issue 22: where e-mail goes out (unset: e-mail messages wait in the outbox) */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** the SMS gateway and the key its requests are signed with (unset: SMS are printed to the console, for the demo) */
  smsGatewayUrl: string | undefined;
  smsGatewayKey: string | undefined;
  /** deliver the outbox inside the app process: by default on the embedded database, not beside PostgreSQL */
  outboxInline: boolean;
  production: boolean;
};

// Fixed keys are acceptable only for the fictional demo data; production sets PII_KEY and AUDIT_KEY.
const DEMO_PII_KEY = "credit-jiangxi-demo-pii-key-not-for-production";
const DEMO_AUDIT_KEY = "credit-jiangxi-demo-audit-key-not-for-production";

/** Beside the embedded database (like its lock), or one file per PostgreSQL database under ./.data. */
function defaultCheckpointFile(databaseUrl: string | undefined, pgliteDir: string): string {
  if (!databaseUrl) return `${pgliteDir.replace(/\/+$/, "")}.audit-checkpoints`;
  const u = new URL(databaseUrl);
  const name = `${u.hostname}_${u.port || "5432"}_${u.pathname.replace(/^\//, "") || "postgres"}`;
  return `./.data/audit-checkpoints/${name.replace(/[^\w.-]/g, "_")}`;
}
let warned = false;

export function parseConfig(env: Record<string, string | undefined>): Config {
  // an empty variable means "not set", as in a shell or an .env file
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new SetupError(`环境变量配置有误：\n${lines.join("\n")}\n各变量的说明见 README.md。`);
  }
  const e = parsed.data;
  if (e.SMS_GATEWAY_URL && !e.SMS_GATEWAY_KEY)
    throw new SetupError(
      "环境变量配置有误：\n  SMS_GATEWAY_KEY: 设置了 SMS_GATEWAY_URL 时必须设置网关密钥\n各变量的说明见 README.md。",
    );
  if (e.S3_URL && (!e.S3_BUCKET || !e.S3_ACCESS_KEY_ID || !e.S3_SECRET_ACCESS_KEY))
    throw new SetupError(
      "环境变量配置有误：\n  S3_BUCKET / S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY: 设置了 S3_URL 时必须同时设置存储桶和访问密钥\n各变量的说明见 README.md。",
    );
  if (e.DATABASE_REPLICA_URLS?.length && !e.DATABASE_URL)
    throw new SetupError(
      "环境变量配置有误：\n  DATABASE_REPLICA_URLS: 只读副本只能配合 PostgreSQL 主库使用，请同时设置 DATABASE_URL\n各变量的说明见 README.md。",
    );
  // two processes on one PGlite directory lose data without a word (STACK-NOTES)
  if (e.WEB_CONCURRENCY > 1 && !e.DATABASE_URL)
    throw new SetupError(
      "环境变量配置有误：\n  WEB_CONCURRENCY: 嵌入式数据库只能由一个进程打开，多个服务进程须配合 PostgreSQL 使用，请设置 DATABASE_URL 或去掉 WEB_CONCURRENCY\n各变量的说明见 README.md。",
    );
  if ((!e.PII_KEY || !e.AUDIT_KEY || !e.SITE_URL) && e.NODE_ENV === "production" && !warned) {
    warned = true;
    console.warn(
      "警告：未设置 PII_KEY、AUDIT_KEY 或 SITE_URL：身份证号码的加密或审计日志的哈希链使用演示密钥，信用报告的核验地址指向演示地址。仅适用于演示数据，生产环境必须设置这三个变量。",
    );
  }
  return {
    databaseUrl: e.DATABASE_URL,
    pgliteDir: e.PGLITE_DIR,
    importDir: e.IMPORT_DIR,
    caseFilesDir: e.CASE_FILES_DIR,
    s3:
      e.S3_URL && e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
        ? {
            endpoint: e.S3_URL.replace(/\/+$/, ""),
            bucket: e.S3_BUCKET,
            accessKeyId: e.S3_ACCESS_KEY_ID,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY,
            region: e.S3_REGION,
          }
        : undefined,
    openDataDir: e.OPEN_DATA_DIR,
    poolSize: e.DB_POOL_SIZE,
    webConcurrency: e.WEB_CONCURRENCY,
    replicaUrls: e.DATABASE_REPLICA_URLS ?? [],
    replicaMaxLagMs: e.DATABASE_REPLICA_MAX_LAG_MS,
    importReaderHeapMb: e.IMPORT_READER_HEAP_MB,
    piiKey: e.PII_KEY ?? DEMO_PII_KEY,
    authSecret: e.AUTH_SECRET,
    auditKey: e.AUDIT_KEY ?? DEMO_AUDIT_KEY,
    auditKeyIsDemo: !e.AUDIT_KEY,
    auditCheckpointFile: e.AUDIT_CHECKPOINT_FILE ?? defaultCheckpointFile(e.DATABASE_URL, e.PGLITE_DIR),
    trustedProxies: e.TRUSTED_PROXIES,
    siteUrl: e.SITE_URL,
    reportOrigin: e.SITE_URL ?? `http://localhost:${e.PORT}`,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    smsGatewayUrl: e.SMS_GATEWAY_URL,
    smsGatewayKey: e.SMS_GATEWAY_KEY,
    outboxInline: (e.OUTBOX_WORKER ?? (e.DATABASE_URL ? "off" : "inline")) === "inline",
    production: e.NODE_ENV === "production",
  };
}

let cached: Config | undefined;

export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
