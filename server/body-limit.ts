import "server-only";
import { Readable, Transform } from "node:stream";
import { AppError } from "./errors";

/**
 * Counts what passes, chunked bodies too, and stops with a 413 in Chinese past `max` (issue 9 §1, issue 20 N8):
 * what arrives is measured, never what a header claims.
 */
export function byteLimit(max: number, problem: (size: number) => string | null) {
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _e, done) {
      size += chunk.length;
      done(size > max ? new AppError("too_large", problem(size) ?? "") : null, chunk);
    },
  });
  return { counter, size: () => size };
}

/** A request body read whole into memory, refused (413) past `max` or when its Content-Length says so. */
export async function readLimitedBody(
  request: Request,
  max: number,
  problem: (size: number) => string | null,
): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > max) throw new AppError("too_large", problem(declared) ?? "");
  if (!request.body) return Buffer.alloc(0);
  const { counter } = byteLimit(max, problem);
  const chunks: Buffer[] = [];
  for await (const chunk of Readable.fromWeb(request.body as never).pipe(counter))
    chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
