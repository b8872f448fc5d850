import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";

/**
 * PGlite has no lock of its own, and a second process on the same directory silently loses the first
 * one's writes (STACK-NOTES). We hold `<dir>.lock` (pid + command) for the life of the handle.
 */
export type LockHolder = { pid: number; host: string; command: string; since: string };

export class DatabaseLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockHolder,
  ) {
    const where = holder.host === hostname() ? "" : `（主机 ${holder.host}）`;
    super(
      `嵌入式数据库目录 ${dir} 正被另一个进程使用（进程号 ${holder.pid}${where}，命令：${holder.command}，自 ${holder.since} 起）。` +
        "同一目录只能由一个进程打开，否则会静默丢失数据。请先停止该进程，或通过 PGLITE_DIR 指定另一个目录。",
    );
    this.name = "DatabaseLockedError";
  }
}

/** Directories this process holds: a second open in the same process is refused too. */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(path: string): LockHolder | null {
  try {
    const h = JSON.parse(readFileSync(path, "utf8")) as LockHolder;
    return Number.isInteger(h.pid) ? h : null;
  } catch {
    return null;
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
  if (heldHere.has(dir)) throw new DatabaseLockedError(dir, me);
  // the holder's record is complete before the lock exists: written aside, then hard-linked into place
  const tmp = `${lockPath}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(me));
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        linkSync(tmp, lockPath);
        heldHere.add(dir);
        let released = false;
        const release = () => {
          if (released) return;
          released = true;
          heldHere.delete(dir);
          process.off("exit", release);
          if (readHolder(lockPath)?.pid === process.pid) unlinkSync(lockPath);
        };
        process.on("exit", release);
        return release;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      }
      const holder = readHolder(lockPath);
      if (holder && (holder.host !== me.host || isAlive(holder.pid)))
        throw new DatabaseLockedError(dir, holder);
      // stale: its process is gone. Move it aside atomically, and make sure what we moved is that stale lock.
      const aside = `${lockPath}.stale.${process.pid}`;
      try {
        renameSync(lockPath, aside);
      } catch {
        continue; // someone else took it over first
      }
      const moved = readHolder(aside);
      if (moved && moved.pid !== holder?.pid && isAlive(moved.pid)) {
        // a live process locked between our read and our rename: put its lock back
        try {
          linkSync(aside, lockPath);
        } catch {}
        unlinkSync(aside);
        throw new DatabaseLockedError(dir, moved);
      }
      unlinkSync(aside);
    }
    throw new Error(`无法获取数据库目录锁 ${lockPath}`);
  } finally {
    try {
      unlinkSync(tmp);
    } catch {}
  }
}
