import { createReadStream } from "node:fs";
import type { ServerResponse } from "node:http";
import { resolve, sep } from "node:path";
import { SENDFILE } from "../lib/web/sendfile";

/**
 * X-Sendfile for the open-data files (issue 25 §4), as nginx's X-Accel-Redirect: a route handler decides who may
 * have which file and answers with these headers and no body; this server, which owns the socket, sends the file
 * as it lies on disk with its Content-Length and Content-Encoding — which Next drops from a route handler's
 * response, compressing the body again instead. Only a file below `root` is ever sent.
 */

export function withSendfile(res: ServerResponse, root: string, head: boolean): void {
  const realWrite = res.write as (this: ServerResponse, chunk: unknown) => boolean;
  const realEnd = res.end as (this: ServerResponse) => ServerResponse;
  const writeHead = res.writeHead;
  const base = resolve(root) + sep;
  let sending = false;
  // wrapped before Next wraps them (its compression keeps these as "the originals"), so that what Next writes
  // or ends after the headers (an empty body) cannot cut the file short
  res.write = function (this: ServerResponse, ...args: unknown[]) {
    return sending ? true : (realWrite as (...a: unknown[]) => boolean).apply(this, args);
  } as typeof res.write;
  res.end = function (this: ServerResponse, ...args: unknown[]) {
    if (!sending) return (realEnd as (...a: unknown[]) => ServerResponse).apply(this, args);
    (args.find((x) => typeof x === "function") as (() => void) | undefined)?.();
    return this;
  } as typeof res.end;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<typeof writeHead>) {
    const path = this.getHeader(SENDFILE.path);
    if (typeof path !== "string") return writeHead.apply(this, args);
    const length = String(this.getHeader(SENDFILE.length) ?? "");
    const encoding = String(this.getHeader(SENDFILE.encoding) ?? "identity");
    for (const h of Object.values(SENDFILE)) this.removeHeader(h);
    const file = resolve(path);
    sending = true;
    if (!file.startsWith(base) || !/^\d+$/.test(length)) {
      // never a path the app did not produce: answer as if there were no file
      writeHead.call(this, 503, { "content-type": "application/json; charset=utf-8", "content-length": "0" });
      realEnd.call(this);
      return this;
    }
    this.setHeader("Content-Length", length);
    if (encoding === "gzip") this.setHeader("Content-Encoding", "gzip");
    writeHead.apply(this, args);
    if (head) {
      realEnd.call(this);
      return this;
    }
    const stream = createReadStream(file);
    stream.on("data", (chunk) => {
      if (!realWrite.call(this, chunk)) {
        stream.pause();
        this.once("drain", () => stream.resume());
      }
    });
    stream.on("end", () => realEnd.call(this));
    stream.on("error", () => this.destroy());
    this.once("close", () => stream.destroy());
    return this;
  } as typeof writeHead;
}
