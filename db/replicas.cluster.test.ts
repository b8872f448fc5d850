import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SetupError } from "./errors";
import { checkReplicasAtStart, lsnValue, openReplicas, type ReplicaSet } from "./replicas";
import {
  clusterPrerequisites,
  type PgServer,
  postgresBin,
  startPrimary,
  startReplica,
} from "./testing/cluster";

// issue 24 §3 on a real primary and its streaming replica, started here and removed after
const missing = clusterPrerequisites();
if (missing && process.env.CLUSTER_TESTS === "required") throw new Error(`cluster tests need: ${missing}`);

const until = async (ok: () => Promise<boolean> | boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe.skipIf(missing !== "")("replicas on a real streaming replica", () => {
  let primary: PgServer;
  let replica: PgServer;
  let sql: postgres.Sql;
  let set: ReplicaSet;
  const log: string[] = [];

  beforeAll(async () => {
    const bin = postgresBin() as string;
    primary = await startPrimary(bin);
    replica = await startReplica(bin, primary);
    sql = postgres(primary.url(), { max: 4, onnotice: () => {} });
    await sql`create table notes (id serial primary key, body text not null)`;
    set = await openReplicas({
      urls: [replica.url()],
      primary: sql,
      poolSize: 4,
      maxLagMs: 500,
      checkEveryMs: 200,
      log: (line) => log.push(line),
    });
  });
  afterAll(async () => {
    await set?.close();
    await sql?.end({ timeout: 1 });
    replica?.remove();
    primary?.remove();
  });

  it("sends a read to the replica once it is up, and it answers there", async () => {
    await until(() => set.pick() !== undefined);
    const handle = set.pick();
    expect(handle?.location).toContain(`:${replica.port}/`);
    const [r] = (await handle?.exec("select pg_is_in_recovery() as standby")) ?? [];
    expect(r?.standby).toBe(true);
    expect(log.some((l) => l.includes("已启用"))).toBe(true);
  });

  it("never lets a writer read past its own write (0 stale reads in 200 writes)", async () => {
    let stale = 0;
    let byCheck = 0;
    for (let i = 0; i < 200; i++) {
      const [w] = await sql`insert into notes (body) values (${`n${i}`}) returning id`;
      // as the app marks a write: the position past its commit, asked once it has committed
      const [m] = await sql`select pg_current_wal_insert_lsn()::text as lsn`;
      const own = lsnValue(String(m?.lsn));
      // as server/reads publicDatabase chooses
      const picked = set.pick(own);
      const handle = picked ?? (await set.catchUp(own));
      if (picked) byCheck++;
      const rows = handle
        ? await handle.exec("select id from notes where id = $1", [w?.id])
        : await sql`select id from notes where id = ${w?.id as number}`;
      if (rows.length !== 1) stale++;
    }
    expect(stale).toBe(0);
    // a fresh write is rarely replayed by the last check (every 200 ms). How often the replica has it when asked at
    // once depends on the machine's load (none of 200 on a busy CI run): the next test pauses replay to prove it.
    expect(byCheck).toBeLessThan(200);
    await set.check();
    const [last] = await sql`select pg_current_wal_lsn()::text as lsn`;
    await until(async () => {
      await set.check();
      return set.pick(lsnValue(String(last?.lsn))) !== undefined;
    });
  });

  it("sends a writer's reads back to the replica as soon as it replays the write, not at the next check", async () => {
    const r = postgres(replica.url(), { max: 1 });
    await r`select pg_wal_replay_pause()`;
    let own = 0n;
    try {
      const [w] = await sql`insert into notes (body) values ('asked at once') returning id`;
      const [m] = await sql`select pg_current_wal_insert_lsn()::text as lsn`;
      own = lsnValue(String(m?.lsn));
      expect(await set.catchUp(own)).toBeUndefined();
      await r`select pg_wal_replay_resume()`;
      await until(async () => (await set.catchUp(own)) !== undefined);
      const rows =
        (await (await set.catchUp(own))?.exec("select id from notes where id = $1", [w?.id])) ?? [];
      expect(rows).toHaveLength(1);
    } finally {
      await r`select pg_wal_replay_resume()`;
      await r.end();
    }
  });

  it("skips a replica that lags past the bound, with a log line, and takes it back once it catches up", async () => {
    const r = postgres(replica.url(), { max: 1 });
    await r`select pg_wal_replay_pause()`;
    try {
      await sql`insert into notes (body) values ('while paused')`;
      await new Promise((ok) => setTimeout(ok, 800));
      await until(async () => {
        await set.check();
        return set.health()[0]?.state === "lagging";
      });
      expect(set.pick()).toBeUndefined();
      expect(log.some((l) => l.includes("复制延迟超过上限"))).toBe(true);
    } finally {
      await r`select pg_wal_replay_resume()`;
      await r.end();
    }
    await until(async () => {
      await set.check();
      return set.health()[0]?.state === "up";
    });
  });

  it("answers from the primary, not with an error, when the replica stops mid-way", async () => {
    await until(() => set.pick() !== undefined);
    const handle = set.pick();
    replica.stop("immediate");
    try {
      const rows = await handle?.db.execute("select count(*)::int as n from notes");
      expect(rows).toBeDefined();
      expect(set.health()[0]?.state).toBe("down");
      expect(set.pick()).toBeUndefined();
      expect(log.some((l) => l.includes("无法连接"))).toBe(true);
    } finally {
      replica.start();
    }
    await until(async () => {
      await set.check();
      return set.health()[0]?.state === "up";
    }, 30_000);
  });

  it("refuses a primary named as a replica, and only warns of one out of reach", async () => {
    await expect(checkReplicasAtStart([primary.url()], () => {})).rejects.toThrow(SetupError);
    await expect(checkReplicasAtStart([primary.url()], () => {})).rejects.toThrow(/不是只读副本/);
    const warned: string[] = [];
    await checkReplicasAtStart(["postgres://postgres@127.0.0.1:1/postgres"], (l) => warned.push(l));
    expect(warned.join("")).toMatch(/无法连接.*公开查询暂由主库承担/);
    await checkReplicasAtStart([replica.url()], (l) => warned.push(l));
    expect(warned).toHaveLength(1);
  });
});
