import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { serveQueriesFrom, testActor } from "@/db/testing/actor";
import { insertProvinceDepartment } from "@/db/testing/province";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { createApiKey } from "../services/api-keys";
import { keyRoute } from "./key-route";

let db: TestDatabase;
let key = "";
const sysadmin = testActor({ id: 1, departmentId: 1, role: "sysadmin" });

// the one wrapper every API-key route uses (issue 21 §7): a trivial route shows what it does before the handler
const route = keyRoute(
  { scope: "provider", body: z.object({ n: z.number({ message: "n 应为数字" }) }) },
  async (c) => Response.json({ department: c.key.departmentId, n: c.body.n, kind: c.params.kind }),
);
const call = (headers: Record<string, string>, body: string) =>
  route(
    new Request("http://localhost/api/v1/probe/x", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.7", ...headers },
      body,
    }),
    { params: Promise.resolve({ kind: "x" }) },
  );
const refusals = async () =>
  (
    await db.exec(
      "SELECT after->>'reason' AS reason FROM audit_log WHERE action = 'api_key.refused' ORDER BY id",
    )
  ).map((r) => r.reason);

beforeAll(async () => {
  db = await createTestDatabase();
  serveQueriesFrom(db);
  await insertProvinceDepartment(db);
  await db.exec(
    "INSERT INTO users (id, username, display_name, password_hash, department_id, region_code) VALUES (1, 'u1', '测试', 'x', 1, '360000')",
  );
  key = await createApiKey(
    { db: db.db, actor: sysadmin, meta: { ip: "127.0.0.1", userAgent: null }, today: "2026-12-05" },
    { departmentId: 1, label: "测试", scopes: ["provider"] },
  );
});
afterAll(async () => {
  serveQueriesFrom(null);
  await db.dispose();
});

describe("keyRoute — key, scope, body and errors in one place", () => {
  it("a request without a valid key is 401, audited as refused, and never reaches the handler", async () => {
    const res = await call({}, '{"n":1}');
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("unauthenticated");
    const wrong = await call(
      { authorization: "Bearer cjx_00000000_notavalidkeynotavalidkeynotava" },
      '{"n":1}',
    );
    expect(wrong.status).toBe(401);
    expect(await refusals()).toEqual(["unauthenticated", "unauthenticated"]);
  });

  it("a key without the route's scope is 403 and audited", async () => {
    await db.exec("UPDATE api_keys SET scopes = '{}'");
    const res = await call({ authorization: `Bearer ${key}` }, '{"n":1}');
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("forbidden_scope");
    expect((await refusals()).at(-1)).toBe("forbidden_scope");
    await db.exec("UPDATE api_keys SET scopes = '{provider}'");
  });

  it("a body that is not JSON, or not the route's shape, is 400 in Chinese", async () => {
    expect((await call({ "x-api-key": key }, "not json")).status).toBe(400);
    const res = await call({ "x-api-key": key }, '{"n":"one"}');
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toBe("n 应为数字");
  });

  it("a valid key with its scope reaches the handler with its department and the parsed body", async () => {
    const res = await call({ authorization: `Bearer ${key}` }, '{"n":7}');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ department: 1, n: 7, kind: "x" });
  });
});
