import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";

/**
 * PGlite has no lock of its own, and a second process on the same directory silently loses the first
 * one's writes (STACK-NOTES). We hold `<dir>.lock` (pid + command) for the life of the process.
 */
export type LockHolder = { pid: number; host: string; command: string; since: string };

export class DatabaseLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `嵌入式数据库目录 ${dir} 正被另一个进程使用（进程号 ${holder.pid}，命令：${holder.command}，自 ${holder.since} 起）。` +
        "同一目录只能由一个进程打开，否则会静默丢失数据。请先停止该进程，或通过 PGLITE_DIR 指定另一个目录。",
    );
    this.name = "DatabaseLockedError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(lockPath: string): LockHolder | null {
  try {
    const h = JSON.parse(readFileSync(lockPath, "utf8")) as LockHolder;
    return Number.isInteger(h.pid) ? h : null;
  } catch {
    return null; // unreadable or half-written: treated as stale
  }
}

/** Takes the lock or throws DatabaseLockedError; returns the release function. */
export function acquireDirectoryLock(dir: string): () => void {
  const lockPath = `${dir}.lock`;
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    command: process.argv.slice(1, 3).join(" ").slice(0, 200),
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        if (readHolder(lockPath)?.pid === process.pid) unlinkSync(lockPath);
      };
      process.on("exit", release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = readHolder(lockPath);
      if (holder && holder.pid !== process.pid && holder.host === me.host && isAlive(holder.pid)) {
        throw new DatabaseLockedError(dir, holder);
      }
      // stale: its process is gone (or the file is unreadable); take it over
      try {
        unlinkSync(lockPath);
      } catch {}
    }
  }
  throw new Error(`无法获取数据库目录锁 ${lockPath}`);
}
