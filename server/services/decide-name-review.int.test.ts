import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveQueriesFrom, testActor } from "@/db/testing/actor";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { withUsccCheckChar } from "@/lib/subjects/uscc";
import type { CurrentUser } from "../auth/guard";
import { listNameReviews } from "../queries/name-reviews";
import { decideNameReview } from "./decide-name-review";
import { resolveSubjects } from "./records/resolve-subjects";

let db: TestDatabase;
const meta = { ip: "203.0.113.4", userAgent: "vitest" };
const USCC = withUsccCheckChar("91360100MA3ABCDE1");
const user = (id: number, departmentId: number, role: "operator" | "reviewer") =>
  testActor({ id, departmentId, role, regionCode: departmentId === 1 ? "360000" : "360100" });
const provinceReviewer = user(2, 1, "reviewer");
const ctxOf = (actor: CurrentUser) => ({ db: db.db, actor, meta, today: "2026-11-30" });
const ncOperator = user(3, 2, "operator");
const ncReviewer = user(4, 2, "reviewer");

beforeAll(async () => {
  db = await createTestDatabase();
  serveQueriesFrom(db);
  await db.exec(
    "INSERT INTO regions (code, name, level) VALUES ('360000', '江西省', 'province'), ('360100', '南昌市', 'city')",
  );
  await db.exec(
    `INSERT INTO departments (id, code, name, short_name, uscc, region_code, level) VALUES
     (1, 'prov', '江西省市场监督管理局', '省市场监管局', '11360000MB1234567X', '360000', 'province'),
     (2, 'nc', '南昌市市场监督管理局', '南昌市场监管局', '11360100MB7654321X', '360100', 'city')`,
  );
  for (const u of [provinceReviewer, ncOperator, ncReviewer])
    await db.exec(
      "INSERT INTO users (id, username, display_name, password_hash, department_id, region_code) VALUES ($1, $2, $3, 'x', $4, $5)",
      [u.id, u.username, u.displayName, u.departmentId, u.regionCode],
    );
  await db.exec(
    "INSERT INTO subjects (id, public_id, kind, uscc, name) VALUES (1, 'p1', 'legal_person', $1, '赣江建工有限公司（演示）')",
    [USCC],
  );
  // 南昌's operator writes a record under another name: a review of 南昌's department opens
  await db.db.transaction((tx) =>
    resolveSubjects(
      tx,
      [
        {
          counterpartName: "赣江建设工程有限公司（演示）",
          counterpartCategory: "legal_entity",
          uscc: USCC,
          idNumber: null,
          legalRepresentative: null,
        },
      ],
      { actor: ncOperator, meta, source: "南昌市场监管局 测试", today: "2026-11-30", departmentId: 2 },
    ),
  );
});
afterAll(async () => {
  serveQueriesFrom(null);
  await db.dispose();
});

const subjectName = async () => (await db.exec("SELECT name FROM subjects WHERE id = 1"))[0]?.name;

describe("name reviews follow the department that raised them (issue 9 §4)", () => {
  it("are listed to that department only", async () => {
    expect(await listNameReviews({ actor: provinceReviewer })).toEqual([]);
    const mine = await listNameReviews({ actor: ncReviewer });
    expect(mine.map((r) => r.proposedName)).toEqual(["赣江建设工程有限公司（演示）"]);
    expect(await listNameReviews({ actor: ncOperator })).toHaveLength(1);
  });

  it("another department's reviewer cannot settle it, and the subject keeps its name", async () => {
    const [review] = await listNameReviews({ actor: ncReviewer });
    await expect(
      decideNameReview(ctxOf(provinceReviewer), { id: review?.id ?? 0, event: "rename" }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await subjectName()).toBe("赣江建工有限公司（演示）");
    const [pending] = await db.exec("SELECT status FROM subject_name_reviews WHERE id = $1", [review?.id]);
    expect(pending?.status).toBe("pending");
  });

  it("the raising department's reviewer settles it", async () => {
    const [review] = await listNameReviews({ actor: ncReviewer });
    await decideNameReview(ctxOf(ncReviewer), { id: review?.id ?? 0, event: "rename" });
    expect(await subjectName()).toBe("赣江建设工程有限公司（演示）");
  });

  it("a second decision on the settled review (a stale form) is refused by the machine, and nothing changes", async () => {
    const [review] = await listNameReviews({ actor: ncReviewer });
    await expect(
      decideNameReview(ctxOf(ncReviewer), { id: review?.id ?? 0, event: "keep" }),
    ).rejects.toMatchObject({ code: "conflict", message: "当前状态为“已更名”，不能再执行此操作。" });
    expect(await subjectName()).toBe("赣江建设工程有限公司（演示）");
  });
});
