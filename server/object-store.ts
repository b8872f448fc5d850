import "server-only";
import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { config, type S3Config } from "./config";
import { AppError, logUnexpected } from "./errors";

/**
 * Where uploaded files live (issue 24 §2): a directory of this machine by default, or an S3-compatible object store
 * (S3_URL …) that every app node shares. Files are only ever served through the app's own authorisation, never by
 * a bucket URL. Keys are flat names the app made (a UUID), kept below a prefix per kind of file.
 */
export type ObjectStore = {
  /** where, without secrets: for logs and the operator */
  location: string;
  put(key: string, bytes: Buffer): Promise<void>;
  /** a file of any size, streamed (multipart where the store needs it) */
  putFile(key: string, path: string): Promise<void>;
  /** the object written to `path` whole, or not at all (a temporary name, then renamed) */
  getToFile(key: string, path: string): Promise<void>;
  /** the object, or an AppError not_found */
  get(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
  /** every object, with the time it was written */
  list(): AsyncGenerator<{ key: string; modifiedAt: number }>;
};

export const STORAGE_DOWN = "文件存储暂时无法访问，提交未完成，所填内容未保存，请稍后再试。";

/** An outage of the store is the user's 503, in Chinese; what went wrong is logged. */
function unavailable(where: string, err: unknown): AppError {
  logUnexpected(where, err);
  return new AppError("unavailable", STORAGE_DOWN);
}

const isMissing = (err: unknown) => (err as { name?: string }).name === "NoSuchKey";

export function directoryStore(dir: string): ObjectStore {
  const path = (key: string) => join(/*turbopackIgnore: true*/ dir, key);
  return {
    location: dir,
    async put(key, bytes) {
      await mkdir(dir, { recursive: true });
      await writeFile(path(key), bytes, { flag: "wx" });
    },
    async putFile(key, from) {
      await mkdir(dirname(path(key)), { recursive: true });
      await copyFile(from, path(key));
    },
    async getToFile(key, to) {
      await mkdir(dirname(to), { recursive: true });
      await copyFile(path(key), to);
    },
    async get(key) {
      try {
        return await readFile(path(key));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") throw new AppError("not_found", "文件不存在。");
        throw err;
      }
    },
    async remove(key) {
      await rm(path(key), { force: true });
    },
    async *list() {
      const names = await readdir(dir).catch(() => [] as string[]);
      for (const key of names) {
        const info = await stat(path(key)).catch(() => null);
        if (info?.isFile()) yield { key, modifiedAt: info.mtimeMs };
      }
    },
  };
}

export function s3Store(s3: S3Config, prefix: string): ObjectStore {
  const client = new S3Client({
    endpoint: s3.endpoint,
    region: s3.region,
    forcePathStyle: true,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    // a store that is down answers the user in seconds, not after the SDK's long retries
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 2_000, requestTimeout: 30_000 },
  });
  const Bucket = s3.bucket;
  const full = (key: string) => `${prefix}/${key}`;
  return {
    location: `${s3.endpoint}/${Bucket}/${prefix}`,
    async put(key, bytes) {
      try {
        await client.send(new PutObjectCommand({ Bucket, Key: full(key), Body: bytes }));
      } catch (err) {
        throw unavailable(`object store put ${key}`, err);
      }
    },
    async putFile(key, from) {
      try {
        await new Upload({ client, params: { Bucket, Key: full(key), Body: createReadStream(from) } }).done();
      } catch (err) {
        throw unavailable(`object store upload ${key}`, err);
      }
    },
    async getToFile(key, to) {
      const temp = `${to}.${randomUUID()}.part`;
      try {
        const r = await client.send(new GetObjectCommand({ Bucket, Key: full(key) }));
        await mkdir(dirname(to), { recursive: true });
        await pipeline(r.Body as Readable, createWriteStream(temp));
        await rename(temp, to);
      } catch (err) {
        await rm(temp, { force: true });
        if (isMissing(err)) throw new AppError("not_found", "文件不存在。");
        throw unavailable(`object store download ${key}`, err);
      }
    },
    async get(key) {
      try {
        const r = await client.send(new GetObjectCommand({ Bucket, Key: full(key) }));
        return Buffer.from((await r.Body?.transformToByteArray()) ?? []);
      } catch (err) {
        if (isMissing(err)) throw new AppError("not_found", "文件不存在。");
        throw unavailable(`object store get ${key}`, err);
      }
    },
    async remove(key) {
      try {
        await client.send(new DeleteObjectCommand({ Bucket, Key: full(key) }));
      } catch (err) {
        throw unavailable(`object store delete ${key}`, err);
      }
    },
    async *list() {
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket, Prefix: `${prefix}/`, ContinuationToken: token }),
        );
        for (const o of page.Contents ?? [])
          if (o.Key)
            yield { key: o.Key.slice(prefix.length + 1), modifiedAt: o.LastModified?.getTime() ?? 0 };
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },
  };
}

// one client per process and kind, like the database handle
const holder = globalThis as unknown as { __creditStores?: Map<string, ObjectStore> };

function cached(kind: string, make: () => ObjectStore): ObjectStore {
  holder.__creditStores ??= new Map();
  let store = holder.__creditStores.get(kind);
  if (!store) {
    store = make();
    holder.__creditStores.set(kind, store);
  }
  return store;
}

/** The store of case files and news attachments: S3 when S3_URL is set, else CASE_FILES_DIR. */
export function caseFileStore(): ObjectStore {
  const c = config();
  return cached("case-files", () => (c.s3 ? s3Store(c.s3, "case-files") : directoryStore(c.caseFilesDir)));
}

/** The audit chain's checkpoints, when app nodes share an object store (server/audit.ts); none otherwise. */
export function auditCheckpointStore(): ObjectStore | null {
  const s3 = config().s3;
  return s3 ? cached("audit-checkpoints", () => s3Store(s3, "audit-checkpoints")) : null;
}

/**
 * The open-data files of each generation, when app nodes share an object store: the node that builds them puts
 * them there, and a node asked for one it does not have fetches it once (server/http/open-data.ts).
 */
export function openDataStore(): ObjectStore | null {
  const s3 = config().s3;
  return s3 ? cached("open-data", () => s3Store(s3, "open-data")) : null;
}

/**
 * Where an import file waits for its job beside the node's own IMPORT_DIR, so that another node can take the job
 * over when this one dies: the object store when S3_URL is set; none otherwise (one node, its own directory).
 */
export function importFileStore(): ObjectStore | null {
  const s3 = config().s3;
  return s3 ? cached("imports", () => s3Store(s3, "imports")) : null;
}
