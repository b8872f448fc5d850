import type { DbHandle } from "../../db/client";
import { addDays, addMonths } from "../../lib/calendar/dates";
import { penaltyPublicityWindow } from "../../lib/records/publicity";
import { withIdCheckChar } from "../../lib/subjects/id-number";
import { withUsccCheckChar } from "../../lib/subjects/uscc";
import { hashPassword } from "../../server/credentials/password";
import { createPiiProtector } from "../../server/pii";
import { DEMO_PASSWORD } from "./users";

/** Known records on top of the demo set, for end-to-end tests that must find exactly these. */
export const FIXTURE = {
  company: {
    name: "南昌样例路桥建设有限公司（演示）",
    uscc: withUsccCheckChar("91360102MAE2E0001"),
    initials: "ncyl",
    publicPenalty: "洪样例罚〔2026〕1号",
    repairedPenalty: "洪样例罚〔2026〕2号",
    expiredPenalty: "洪样例罚〔2025〕3号",
  },
  person: {
    name: "欧阳样例",
    masked: "欧***",
    idNumber: withIdCheckChar("36010219900101123"),
    idMasked: `360102********${withIdCheckChar("36010219900101123").slice(14)}`,
    publicId: "pe2efixture001",
    penalty: "洪样例罚〔2026〕4号",
  },
  /** issue 11: companies for the business-portal walks, one per spec so parallel workers never share a case */
  business: {
    register: { name: "吉安试点农业开发有限公司（演示）", uscc: withUsccCheckChar("91360802MAE2E0011") },
    active: { name: "九江试点家具制造有限公司（演示）", uscc: withUsccCheckChar("91360402MAE2E0012") },
    repair: {
      name: "赣州试点物流有限公司（演示）",
      uscc: withUsccCheckChar("91360702MAE2E0013"),
      penalty: "赣样例罚〔2026〕7号",
    },
    /** a fine just above the default 1 万元 threshold: public until the threshold is raised past it */
    nearThreshold: { penalty: "赣样例罚〔2026〕8号", fineWan: 1.000001 },
  },
  /** issue 14 §1: a company with one 严重 penalty (grade B), for the objection walk */
  objection: {
    name: "上饶试点建材有限公司（演示）",
    uscc: withUsccCheckChar("91361102MAE2E0014"),
    penalty: "饶样例罚〔2026〕9号",
  },
  /** issue 14 §2: a company with an account for the list-decision walk, and an entry of it that ended yesterday */
  listing: {
    name: "宜春试点化工有限公司（演示）",
    uscc: withUsccCheckChar("91360902MAE2E0015"),
    expiredDecision: "宜样例信认〔2023〕5号",
    /** the serious penalty a new proposal cites (issue 21) */
    penalty: "宜样例罚〔2026〕6号",
  },
  /** accounts that e2e specs may lock, re-enrol or change, so the demo accounts stay usable by every spec */
  accounts: {
    lockout: "e2e_lockout",
    totp: "e2e_totp",
    fresh: "e2e_fresh",
    freshPassword: "Initial#2026x",
  },
} as const;

export async function loadFixtures(db: DbHandle, anchor: string, piiKey: string): Promise<void> {
  const { company: c, person: p, accounts: a } = FIXTURE;
  const [dept] = await db.exec("SELECT department_id FROM users WHERE username = 'operator'");
  for (const [username, must, password] of [
    [a.lockout, false, DEMO_PASSWORD],
    [a.totp, false, DEMO_PASSWORD],
    [a.fresh, true, a.freshPassword],
  ] as const) {
    const [u] = await db.exec(
      `INSERT INTO users (username, display_name, password_hash, must_change_password, department_id, region_code)
       VALUES ($1, $2, $3, $4, $5, '360000') RETURNING id`,
      [username, `测试 ${username}`, await hashPassword(password), must, dept?.department_id],
    );
    await db.exec("INSERT INTO user_roles (user_id, role) VALUES ($1, 'operator')", [u?.id]);
  }
  const pii = createPiiProtector(piiKey).protect(p.idNumber);
  const [co] = await db.exec(
    `INSERT INTO subjects (public_id, kind, uscc, name, name_initials, legal_representative, region_code, industry, last_activity_on)
     VALUES ('pe2efixture000', 'legal_person', $1, $2, 'ncyllqjsyxgs', '样例人', '360102', 'E', $3) RETURNING id`,
    [c.uscc, c.name, anchor],
  );
  const [pe] = await db.exec(
    `INSERT INTO subjects (public_id, kind, name, id_number_digest, id_number_cipher, id_number_masked, region_code)
     VALUES ($1, 'natural_person', $2, $3, $4, $5, '360102') RETURNING id`,
    [p.publicId, p.name, pii.digest, pii.cipher, pii.masked],
  );
  const penalty = async (
    subjectId: unknown,
    no: string,
    daysAgo: number,
    status: string,
    category: string,
    name: string,
    createdBy: unknown = null,
    fineWan = 5,
    severity: "general" | "serious" = "general",
  ) => {
    const decision = addDays(anchor, -daysAgo);
    const w = penaltyPublicityWindow(decision, severity);
    await db.exec(
      `INSERT INTO penalties (subject_id, counterpart_name, counterpart_category, decision_no, decision_date, authority_dept_id,
         source_dept_id, status, violation_type, violation_facts, legal_basis, penalty_types, penalty_content, fine_amount,
         severity, public_until, repairable_from, disclosable, repaired_at, created_by)
       VALUES ($1, $2, $3, $4, $5, 1, 1, $6, '销售不合格产品', '经监督抽检，当事人销售的电线电缆绝缘电阻项目不合格。',
         '《中华人民共和国产品质量法》第四十九条', '{罚款}', $12, $11, $13, $7, $8, true, $9, $10)`,
      [
        subjectId,
        name,
        category,
        no,
        decision,
        status,
        w.publicUntil,
        w.repairableFrom,
        status === "repaired" ? w.repairableFrom : null,
        createdBy,
        fineWan,
        `罚款人民币${fineWan}万元`,
        severity,
      ],
    );
  };
  await penalty(co?.id, c.publicPenalty, 30, "active", "legal_entity", c.name);
  await penalty(co?.id, c.repairedPenalty, 200, "repaired", "legal_entity", c.name);
  await penalty(co?.id, c.expiredPenalty, 400, "active", "legal_entity", c.name);
  await penalty(pe?.id, p.penalty, 10, "active", "natural_person", p.name);
  // the business-portal companies: one to register, two with activated accounts (password DEMO_PASSWORD)
  const b = FIXTURE.business;
  const businessHash = await hashPassword(DEMO_PASSWORD);
  const [operator] = await db.exec("SELECT id FROM users WHERE username = 'operator'");
  for (const [i, f, region, account] of [
    [1, b.register, "360802", false],
    [2, b.active, "360402", true],
    [3, b.repair, "360702", true],
    [4, FIXTURE.listing, "360902", true],
  ] as const) {
    const [subject] = await db.exec(
      `INSERT INTO subjects (public_id, kind, uscc, name, legal_representative, region_code, industry, last_activity_on)
       VALUES ($1, 'legal_person', $2, $3, '样例代表', $4, 'G', $5) RETURNING id`,
      [`pe2efixtureb0${i}`, f.uscc, f.name, region, anchor],
    );
    if (account) {
      const [u] = await db.exec(
        `INSERT INTO users (username, display_name, password_hash, must_change_password, region_code, subject_id, password_changed_at)
         VALUES ($1, '经办人 样例', $2, false, $3, $4, now()) RETURNING id`,
        [f.uscc, businessHash, region, subject?.id],
      );
      await db.exec("INSERT INTO user_roles (user_id, role) VALUES ($1, 'business')", [u?.id]);
    }
    if (f === b.repair)
      await penalty(subject?.id, b.repair.penalty, 120, "active", "legal_entity", f.name, operator?.id);
    if (f === FIXTURE.listing)
      await penalty(
        subject?.id,
        FIXTURE.listing.penalty,
        90,
        "active",
        "legal_entity",
        f.name,
        operator?.id,
        20,
        "serious",
      );
    if (f === b.active)
      await penalty(
        subject?.id,
        b.nearThreshold.penalty,
        60,
        "active",
        "legal_entity",
        f.name,
        operator?.id,
        b.nearThreshold.fineWan,
      );
  }
  const o = FIXTURE.objection;
  const [objected] = await db.exec(
    `INSERT INTO subjects (public_id, kind, uscc, name, legal_representative, region_code, industry, last_activity_on)
     VALUES ('pe2efixtureo01', 'legal_person', $1, $2, '样例代表', '361102', 'C', $3) RETURNING id`,
    [o.uscc, o.name, anchor],
  );
  await penalty(objected?.id, o.penalty, 45, "active", "legal_entity", o.name, operator?.id, 5, "serious");
  await db.exec(
    `INSERT INTO list_entries (id, list_id, kind, subject_id, status, case_no, dept_id, basis, facts, notice_date,
       statement_deadline, decision_date, decision_no, published_at, valid_from, valid_until)
     VALUES ((SELECT max(id) + 1 FROM list_entries), 3, 'serious_dishonesty', $1, 'published', 'MD' || to_char($4::date, 'YYYYMMDD') || lpad(((SELECT max(id) + 1 FROM list_entries))::text, 6, '0'), 1,
       '《市场监督管理严重违法失信名单管理办法》第二条', '拒不履行行政处罚决定。', $2, $3, $4, '洪样例信认〔2026〕1号', now(), $4, $5)`,
    [pe?.id, addDays(anchor, -30), addDays(anchor, -20), anchor, addDays(addMonths(anchor, 36), -1)],
  );
  // an A级纳税人 entry whose validity ended ten days ago: history on the profile, not a current red-list entry
  await db.exec(
    `INSERT INTO list_entries (id, list_id, kind, subject_id, status, case_no, dept_id, basis, facts, decision_date,
       decision_no, published_at, valid_from, valid_until)
     VALUES ((SELECT max(id) + 1 FROM list_entries), 1, 'red', $1, 'published', 'MD' || to_char($2::date, 'YYYYMMDD') || lpad(((SELECT max(id) + 1 FROM list_entries))::text, 6, '0'), 2, '《纳税信用管理办法》第二十六条',
       '连续三年依法诚信纳税。', $2, '洪样例信认〔2025〕2号', now(), $2, $3)`,
    [co?.id, addDays(anchor, -375), addDays(anchor, -10)],
  );
  // the listing company's earlier 严重失信 entry, whose validity ended yesterday: on no public page any more
  const [listing] = await db.exec("SELECT id FROM subjects WHERE uscc = $1", [FIXTURE.listing.uscc]);
  await db.exec(
    `INSERT INTO list_entries (id, list_id, kind, subject_id, status, case_no, dept_id, basis, facts, decision_date,
       decision_no, published_at, valid_from, valid_until, created_by)
     VALUES ((SELECT max(id) + 1 FROM list_entries), 3, 'serious_dishonesty', $1, 'published', 'MD' || to_char($2::date, 'YYYYMMDD') || lpad(((SELECT max(id) + 1 FROM list_entries))::text, 6, '0'), 1,
       '《市场监督管理严重违法失信名单管理办法》第二条', '曾拒不履行行政处罚决定。', $2, $3, now(), $2, $4, $5)`,
    [
      listing?.id,
      addDays(addMonths(anchor, -36), -1),
      FIXTURE.listing.expiredDecision,
      addDays(anchor, -1),
      operator?.id,
    ],
  );
  // rows above took ids by hand: the sequence must move past them before the app proposes new entries
  await db.exec(
    "SELECT setval(pg_get_serial_sequence('list_entries', 'id'), (SELECT max(id) FROM list_entries))",
  );
}
