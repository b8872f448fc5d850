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
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  PII_KEY: z.string().min(16, "至少 16 个字符").optional(),
  AUTH_SECRET: z.string().min(16, "至少 16 个字符").optional(),
  CLIENT_IP_HEADER: z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((v) => v || undefined),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Config = {
  databaseUrl: string | undefined;
  pgliteDir: string;
  /** uploaded import files, kept until their job ends (README) */
  importDir: string;
  poolSize: number;
  /** keys the HMAC digest and the encryption of natural persons' ID numbers */
  piiKey: string;
  authSecret: string | undefined;
  /** the header a trusted gateway sets to the client's address, for per-client rate limits */
  clientIpHeader: string | undefined;
  production: boolean;
};

// A fixed key is acceptable only for the fictional demo data; production sets PII_KEY.
const DEMO_PII_KEY = "credit-jiangxi-demo-pii-key-not-for-production";
let warned = false;

export function parseConfig(env: Record<string, string | undefined>): Config {
  // an empty variable means "not set", as in a shell or an .env file
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new SetupError(`环境变量配置有误：\n${lines.join("\n")}\n各变量的说明见 README.md。`);
  }
  const e = parsed.data;
  if (!e.PII_KEY && e.NODE_ENV === "production" && !warned) {
    warned = true;
    console.warn(
      "警告：未设置 PII_KEY，身份证号码的摘要和加密使用演示密钥。仅适用于演示数据，生产环境必须设置 PII_KEY。",
    );
  }
  return {
    databaseUrl: e.DATABASE_URL,
    pgliteDir: e.PGLITE_DIR,
    importDir: e.IMPORT_DIR,
    poolSize: e.DB_POOL_SIZE,
    piiKey: e.PII_KEY ?? DEMO_PII_KEY,
    authSecret: e.AUTH_SECRET,
    clientIpHeader: e.CLIENT_IP_HEADER,
    production: e.NODE_ENV === "production",
  };
}

let cached: Config | undefined;

export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
