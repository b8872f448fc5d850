import type { Sql } from "postgres";
import { connectKeyed, connectPostgres, type DbHandle, postgresHandle } from "./client";
import { isDatabaseUnavailable, redact, SetupError } from "./errors";

/**
 * Streaming replicas for public reads (issue 24 §3). Each is checked every second: one that is down, a primary
 * (promoted, or named by mistake), or further behind than the bound is skipped until it is fit again, with one
 * log line each way. A query that meets a replica going down is run again on the primary, so a reader never
 * sees the outage.
 */

/** A WAL position (`16/B374D848`) as a number, for comparing. */
export function lsnValue(lsn: string): bigint {
  const m = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(lsn.trim());
  if (!m) throw new Error(`not a WAL position: ${lsn}`);
  return (BigInt(`0x${m[1]}`) << 32n) | BigInt(`0x${m[2]}`);
}

export type ReplicaHealth = {
  /** the URL without its password */
  name: string;
  state: "up" | "down" | "lagging" | "not_standby";
  /** how far the replica's replay trails the primary, in ms (0: caught up) */
  lagMs: number | null;
  /** the WAL position replayed when last checked */
  replayed: bigint | null;
};

/** Replay lag as a bound can judge it: none once the primary's position is replayed, else the time since the last replayed commit. */
export function replayLagMs(o: {
  replayed: bigint;
  primary: bigint;
  sinceLastReplayMs: number | null;
}): number {
  if (o.replayed >= o.primary) return 0;
  return o.sinceLastReplayMs ?? Number.POSITIVE_INFINITY;
}

/** The replicas a read may go to: up, within the bound, and past the reader's own last write. */
export function eligibleReplicas<T extends Pick<ReplicaHealth, "state" | "replayed">>(
  replicas: readonly T[],
  ownWrite: bigint | undefined,
): T[] {
  return replicas.filter(
    (r) => r.state === "up" && (ownWrite === undefined || (r.replayed !== null && r.replayed >= ownWrite)),
  );
}

export type ReplicaSet = {
  /** a replica's handle for a public read, round robin; undefined: read the primary */
  pick(ownWrite?: bigint): DbHandle | undefined;
  /**
   * For a reader whose own write no replica had replayed at the last check: asks the replicas that are up now,
   * so its reads return to one as soon as it has the write (within milliseconds), not at the next check
   */
  catchUp(ownWrite: bigint): Promise<DbHandle | undefined>;
  health(): ReplicaHealth[];
  /** check every replica now (the timer does it every `checkEveryMs`) */
  check(): Promise<void>;
  close(): Promise<void>;
};

export type ReplicaOptions = {
  urls: readonly string[];
  primary: Sql;
  /** the primary's pool for keyed lookups (execKeyed), where a replica's keyed lookups fall back */
  primaryKeyed?: Sql;
  poolSize: number;
  maxLagMs: number;
  checkEveryMs?: number;
  log?: (line: string) => void;
};

type Member = ReplicaHealth & { url: string; client: Sql; keyed: Sql; handle: DbHandle };

const STATE_LINE: Record<ReplicaHealth["state"], string> = {
  up: "已启用，公开查询由其承担",
  down: "无法连接，公开查询暂由主库承担",
  lagging: "复制延迟超过上限，公开查询暂由主库承担",
  not_standby: "不在恢复状态（已成为主库），已停用",
};

/**
 * Checked before the server listens: a replica that answers as a primary is refused (SetupError), since public
 * reads there would be another database's; one out of reach is only warned about, and used once it answers.
 */
export async function checkReplicasAtStart(
  urls: readonly string[],
  log: (line: string) => void = (line) => console.warn(line),
): Promise<void> {
  for (const url of urls) {
    const client = await connectPostgres(url, 1, { probe: false });
    try {
      const [r] = await client`select pg_is_in_recovery() as standby`;
      if (!r?.standby)
        throw new SetupError(
          `DATABASE_REPLICA_URLS 中的 ${redact(url)} 不是只读副本：它不在恢复状态（pg_is_in_recovery() 为假），是一个主库。公开查询若读它，读到的将是另一份数据，因此拒绝启动。请改为流复制副本的地址。`,
        );
    } catch (err) {
      if (err instanceof SetupError) throw err;
      log(
        `警告：只读副本 ${redact(url)} 无法连接（${(err as Error).message}），公开查询暂由主库承担；它恢复后自动启用。`,
      );
    } finally {
      await client.end({ timeout: 1 }).catch(() => {});
    }
  }
}

/** Opens every replica, checked at once and then every second; reads go only to those fit. */
export async function openReplicas(o: ReplicaOptions): Promise<ReplicaSet> {
  const log = o.log ?? ((line: string) => console.warn(line));
  const members: Member[] = [];
  for (const url of o.urls) {
    const client = await connectPostgres(url, o.poolSize, { probe: false });
    const name = redact(url);
    const keyed = await connectKeyed(url, o.poolSize);
    const handle = await postgresHandle(
      withPrimaryFallback(client, o.primary, () => markDown(name)),
      url,
      withPrimaryFallback(keyed, o.primaryKeyed ?? o.primary, () => markDown(name)),
    );
    members.push({ url, name, client, keyed, handle, state: "down", lagMs: null, replayed: null });
  }
  function markDown(name: string) {
    const m = members.find((x) => x.name === name);
    if (m && m.state !== "down") setState(m, "down");
  }
  function setState(m: Member, state: ReplicaHealth["state"], detail = "") {
    if (m.state !== state) log(`只读副本 ${m.name}：${STATE_LINE[state]}${detail}`);
    m.state = state;
  }
  async function check() {
    let primary: bigint;
    try {
      const [p] = await o.primary`select pg_current_wal_lsn()::text as lsn`;
      primary = lsnValue(String(p?.lsn));
    } catch {
      return; // the primary's own outage is the request's to report, not the replicas'
    }
    await Promise.all(
      members.map(async (m) => {
        try {
          const [r] = await m.client`
            select pg_is_in_recovery() as standby, pg_last_wal_replay_lsn()::text as replayed,
              extract(epoch from clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000 as since_ms`;
          if (!r?.standby) return setState(m, "not_standby");
          m.replayed = lsnValue(String(r.replayed));
          m.lagMs = replayLagMs({
            replayed: m.replayed,
            primary,
            sinceLastReplayMs: r.since_ms === null ? null : Number(r.since_ms),
          });
          if (m.lagMs > o.maxLagMs) setState(m, "lagging", `（${Math.round(m.lagMs)} ms）`);
          else setState(m, "up");
        } catch (err) {
          setState(m, "down", `（${(err as Error).message}）`);
        }
      }),
    );
  }
  await check();
  const timer = setInterval(() => void check(), o.checkEveryMs ?? 1_000);
  timer.unref();
  let turn = 0;
  return {
    pick(ownWrite) {
      const fit = eligibleReplicas(members, ownWrite);
      if (fit.length === 0) return undefined;
      turn = (turn + 1) % fit.length;
      return fit[turn]?.handle;
    },
    async catchUp(ownWrite) {
      const asked = await Promise.all(
        members
          .filter((m) => m.state === "up")
          .map(async (m) => {
            try {
              const [r] = await m.client`select pg_last_wal_replay_lsn()::text as replayed`;
              const replayed = lsnValue(String(r?.replayed));
              if (m.replayed === null || replayed > m.replayed) m.replayed = replayed;
              return replayed >= ownWrite ? m : undefined;
            } catch {
              return undefined; // the timer's check reports it down
            }
          }),
      );
      return asked.find((m) => m !== undefined)?.handle;
    },
    health: () => members.map(({ name, state, lagMs, replayed }) => ({ name, state, lagMs, replayed })),
    check,
    close: async () => {
      clearInterval(timer);
      await Promise.all(members.flatMap((m) => [m.client.end({ timeout: 5 }), m.keyed.end({ timeout: 5 })]));
    },
  };
}

// a standby cancels a query that conflicts with replay: the primary answers it instead
const RETRY_ON_PRIMARY = new Set(["40001"]);

/**
 * The replica's client with every query it cannot answer (out of reach, cancelled by replay) run again on the
 * primary. drizzle reaches its client only through `unsafe(…)` and `unsafe(…).values()`.
 */
export function withPrimaryFallback(replica: Sql, primary: Sql, onDown: () => void): Sql {
  const retry = <T>(run: (c: Sql) => PromiseLike<T>): Promise<T> =>
    Promise.resolve(run(replica)).catch((err) => {
      const code = (err as { code?: unknown }).code;
      if (!isDatabaseUnavailable(err) && !(typeof code === "string" && RETRY_ON_PRIMARY.has(code))) throw err;
      if (isDatabaseUnavailable(err)) onDown();
      return run(primary);
    });
  const unsafe = (...args: Parameters<Sql["unsafe"]>) => {
    const rows = () => retry((c) => c.unsafe(...args));
    return {
      values: () => retry((c) => c.unsafe(...args).values()),
      // biome-ignore lint/suspicious/noThenProperty: drizzle awaits the query itself
      then: (ok?: (v: unknown) => unknown, fail?: (e: unknown) => unknown) => rows().then(ok, fail),
      catch: (fail: (e: unknown) => unknown) => rows().catch(fail),
    };
  };
  return new Proxy(replica, {
    get: (target, prop, receiver) => (prop === "unsafe" ? unsafe : Reflect.get(target, prop, receiver)),
  });
}
