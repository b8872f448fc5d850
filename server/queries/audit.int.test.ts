import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveQueriesFrom } from "@/db/testing/actor";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { logAudit } from "../audit";
import { listAudit } from "./audit";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  serveQueriesFrom(db);
  await db.exec(
    "INSERT INTO users (id, username, display_name, password_hash) VALUES (1, 'editor', '编辑甲', 'x')",
  );
  await db.exec(
    "INSERT INTO news_items (id, category, title, body_html, created_by, updated_by) VALUES (7, 'work', '我省推进信用修复', '<p>正文</p>', 1, 1)",
  );
  await db.exec(
    "INSERT INTO subjects (id, public_id, kind, name) VALUES (2299, 'p1', 'legal_person', '赣江样例有限公司（演示）')",
  );
  const meta = { ip: "127.0.0.1", userAgent: null };
  await db.db.transaction(async (tx) => {
    await logAudit(tx, { action: "news.publish", entityType: "news", entityId: "7", actorId: 1, ...meta });
    await logAudit(tx, { action: "draw.result", entityType: "inspection_draw", entityId: "3/2299", ...meta });
    await logAudit(tx, {
      action: "setting.update",
      entityType: "setting",
      entityId: "statementPeriodWorkingDays",
      ...meta,
    });
  });
});
afterAll(async () => {
  serveQueriesFrom(null);
  await db.dispose();
});

describe("the audit page names its objects as people know them (issue 21)", () => {
  it("a news item by its title, a drawn subject by its name, a setting by its name — never a table and an id", async () => {
    const { rows } = await listAudit({ page: 1 });
    expect(Object.fromEntries(rows.map((r) => [r.action, r.object]))).toEqual({
      "news.publish": "稿件 我省推进信用修复",
      "draw.result": "双随机抽查 #3：赣江样例有限公司（演示）",
      "setting.update": "系统设置 陈述申辩期",
    });
  });
});
