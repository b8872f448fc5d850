import { createHash, randomBytes } from "node:crypto";
import type { DbHandle } from "../../db/client";
import { addMonths, type IsoDate } from "../../lib/calendar/dates";
import { GOV_COMMITMENT_LABELS } from "../../lib/platform/government";
import {
  FEEDBACK_WORKING_DAYS,
  type Matter,
  MEASURE_LIST_EFFECT,
  type MeasureListKind,
  measuresFor,
} from "../../lib/platform/measures";
import { penaltyPublicityWindow } from "../../lib/records/publicity";
import { withUsccCheckChar } from "../../lib/subjects/uscc";
import { dueOn } from "../../lib/workflows/deadlines";
import { listEntryInForceSql } from "../../server/queries/publicity";
import { caseSeedHelpers } from "./case-helpers";
import { DEPT_ID, subjectOrgCode } from "./generate";
import { seededAt } from "./instants";

/**
 * 措施清单 as the national 失信惩戒措施基础清单 (2021) and the 守信激励 measures name them, per list and matter.
 */
const MEASURES: [MeasureListKind, Matter, string, string][] = [
  [
    "serious_dishonesty",
    "procurement",
    "依法限制参与政府采购活动",
    "《中华人民共和国政府采购法》第二十二条；《政府采购法实施条例》第十九条",
  ],
  [
    "serious_dishonesty",
    "bidding",
    "依法限制参与依法必须招标项目的投标活动",
    "《中华人民共和国招标投标法实施条例》第三十二条",
  ],
  [
    "serious_dishonesty",
    "fiscal_funds",
    "依法限制申请财政性资金项目",
    "《国务院关于建立完善守信联合激励和失信联合惩戒制度的指导意见》（国发〔2016〕33号）",
  ],
  [
    "serious_dishonesty",
    "awards",
    "取消参加评先评优资格",
    "国发〔2016〕33号；《全国失信惩戒措施基础清单（2021年版）》",
  ],
  [
    "serious_dishonesty",
    "land",
    "依法限制参与国有土地使用权出让",
    "《全国失信惩戒措施基础清单（2021年版）》",
  ],
  [
    "serious_dishonesty",
    "admin_licence",
    "在行政许可中列为重点审查对象，不适用告知承诺制",
    "《国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见》",
  ],
  [
    "serious_dishonesty",
    "financing",
    "作为融资授信的重要参考，依法从严审核",
    "《全国失信惩戒措施基础清单（2021年版）》",
  ],
  [
    "key_attention",
    "procurement",
    "在政府采购资格审查中重点核查其信用状况",
    "《江西省社会信用条例》第三十三条",
  ],
  [
    "key_attention",
    "admin_licence",
    "在行政许可中加强事中事后检查，提高抽查比例",
    "《江西省社会信用条例》第三十三条",
  ],
  ["market_ban", "bidding", "在禁入期限内不得参与相关行业的招标投标", "相关行业市场禁入规定"],
  [
    "red",
    "admin_licence",
    "行政许可中适用“绿色通道”和容缺受理",
    "国发〔2016〕33号；《江西省社会信用条例》第二十九条",
  ],
  ["red", "fiscal_funds", "同等条件下优先安排财政性资金项目", "国发〔2016〕33号"],
  ["red", "awards", "评优评先中同等条件下优先考虑", "《江西省社会信用条例》第二十九条"],
  ["red", "financing", "作为金融机构优惠利率、信用贷款的参考", "《江西省社会信用条例》第二十九条"],
];

/** What each kind of organ or public institution promises the public, and to whom: by the end of its name. */
const GOV_PROMISES: Record<string, { title: string; content: string; counterparty: string; months: number }> =
  {
    自然资源局: {
      title: "出让地块按期净地交付",
      content: "按国有建设用地使用权出让合同约定，于签约后 12 个月内完成地块征收和平整，净地交付受让企业。",
      counterparty: "江西赣诚新材料有限公司（演示）",
      months: 12,
    },
    交通运输局: {
      title: "工业园区配套道路按期建成",
      content: "在招商引资项目签约后 18 个月内建成园区配套道路并移交使用，保障企业按期投产。",
      counterparty: "园区入驻企业",
      months: 18,
    },
    农业农村局: {
      title: "高标准农田建设工程款按期支付",
      content: "按施工合同约定，在工程验收合格后 30 日内支付剩余工程款，不以机构调整、人员变更等理由拖延。",
      counterparty: "中标施工企业",
      months: 6,
    },
    城市管理局: {
      title: "环卫作业服务费按季度支付",
      content: "按政府购买服务合同约定，每季度末 15 日内支付环卫作业服务费。",
      counterparty: "中标环卫服务企业",
      months: 12,
    },
    公共资源交易中心: {
      title: "投标保证金 5 个工作日内退还",
      content: "招标项目中标通知书发出后 5 个工作日内，向未中标人退还投标保证金及银行同期存款利息。",
      counterparty: "投标企业",
      months: 12,
    },
    人民医院: {
      title: "药品和耗材货款 60 日内结清",
      content: "按《保障中小企业款项支付条例》，自验收之日起 60 日内支付药品和医用耗材货款。",
      counterparty: "医药供应企业",
      months: 6,
    },
  };
const promiseOf = (name: string) =>
  Object.entries(GOV_PROMISES).find(([end]) => name.replace(/（演示）$/, "").endsWith(end))?.[1];

/**
 * Issue 23: the measures catalogue, departments' checks with their feedback (one overdue), a few government
 * promises and a dishonesty record, an authorised institution with queries of the demo company, and one company
 * registered twice under two codes (the quality board's 重码).
 */
export async function seedPlatform(
  db: DbHandle,
  o: { anchor: IsoDate; businessSubjectId: number | null },
): Promise<void> {
  const h = caseSeedHelpers(db, o.anchor);
  const measureIds: { id: number; listKind: MeasureListKind; matter: Matter; active: boolean }[] = [];
  for (const [i, [listKind, matter, content, basis]] of MEASURES.entries()) {
    const [row] = await db.exec(
      `INSERT INTO measures (code, list_kind, matter, effect, content, legal_basis) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        `${listKind === "red" ? "JL" : "CJ"}-${String(i + 1).padStart(3, "0")}`,
        listKind,
        matter,
        MEASURE_LIST_EFFECT[listKind],
        content,
        basis,
      ],
    );
    measureIds.push({ id: Number(row?.id), listKind, matter, active: true });
  }

  // checks by 省市场监管局 (the demo operator's department) and two others, of listed and unlisted subjects
  const listed = await db.exec(
    `SELECT e.subject_id, e.id, e.kind::text, e.under_verification FROM list_entries e
      WHERE ${listEntryInForceSql("e", "$1::date")} AND e.kind <> 'red' ORDER BY e.id LIMIT 6`,
    [o.anchor],
  );
  const clean = await db.exec(
    `SELECT s.id FROM subjects s WHERE s.kind = 'legal_person'
       AND NOT EXISTS (SELECT 1 FROM list_entries e WHERE e.subject_id = s.id) ORDER BY s.id LIMIT 3`,
  );
  const depts = ["jxamr", "jxczt", "jxzjt"]
    .map((c) => DEPT_ID.get(c))
    .filter((d): d is number => d !== undefined);
  const plans = [
    ...listed.map((e, k) => {
      // a matter the entry's list has measures for, in turn
      const of = measureIds.filter((m) => m.listKind === e.kind);
      return {
        subjectId: Number(e.subject_id),
        matter: of[k % of.length]?.matter ?? "procurement",
        back: 3 + k * 4,
        k,
      };
    }),
    ...clean.map((s, k) => ({
      subjectId: Number(s.id),
      matter: "procurement" as Matter,
      back: 1 + k,
      k: k + 10,
    })),
  ];
  for (const p of plans) {
    const entries = (
      await db.exec(
        `SELECT e.id, e.kind::text AS kind, e.under_verification FROM list_entries e WHERE e.subject_id = $1 AND ${listEntryInForceSql("e", "$2::date")}`,
        [p.subjectId, o.anchor],
      )
    ).map((e) => ({
      id: Number(e.id),
      kind: e.kind as MeasureListKind,
      underVerification: Boolean(e.under_verification),
    }));
    const hits = measuresFor(p.matter, entries, measureIds);
    const on = h.workdayBefore(p.back);
    const due = dueOn(h.cal, on, FEEDBACK_WORKING_DAYS);
    const id = await h.nextId("joint_checks");
    const dept = p.k % 3 === 2 ? depts[p.k % depts.length] : depts[0];
    // older checks were answered, except one of the demo department's left overdue
    const answered = hits.length > 0 && p.back > 8 && p.k !== 3;
    await db.exec(
      `INSERT INTO joint_checks (id, check_no, dept_id, subject_id, matter, hits, hit_count, checked_on, feedback_due_on, feedback_at, applied, feedback_note, created_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11, $12, $13)`,
      [
        id,
        `LH${on.replaceAll("-", "")}${String(id).padStart(6, "0")}`,
        dept,
        p.subjectId,
        p.matter,
        JSON.stringify(hits),
        hits.length,
        on,
        due,
        answered ? seededAt(h.workdayBefore(p.back - 3), "15:00") : null,
        answered ? `{${hits.map((x) => x.measureId).join(",")}}` : null,
        answered ? "已按措施清单不予受理其投标（采购）资格" : null,
        seededAt(on, "10:30"),
      ],
    );
  }

  // 政务诚信: promises of three organs and institutions, and one dishonesty record
  const organs = (
    await db.exec(
      `SELECT id, name FROM subjects WHERE kind IN ('government', 'institution') AND uscc IS NOT NULL ORDER BY id LIMIT 40`,
    )
  )
    .map((o) => ({ id: Number(o.id), promise: promiseOf(String(o.name)) }))
    .filter((o) => o.promise !== undefined)
    .slice(0, 4);
  const fgw = DEPT_ID.get("jxfgw");
  for (const [k, { id, promise: g }] of organs.entries()) {
    if (!g || !fgw) break;
    const madeOn = h.workdayBefore(260 - k * 60);
    const dueOnDate = addMonths(madeOn, g.months);
    const status = k === 1 ? "breached" : dueOnDate < o.anchor ? "fulfilled" : "in_progress";
    await db.exec(
      `INSERT INTO gov_commitments (subject_id, dept_id, title, content, counterparty, made_on, due_on, status, status_on, status_note, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        id,
        fgw,
        g.title,
        g.content,
        g.counterparty,
        madeOn,
        dueOnDate,
        status,
        status === "in_progress" ? null : h.workdayBefore(10),
        status === "breached"
          ? "约定期限届满后逾期 97 日仍未履行，经约谈后仍未整改"
          : status === "fulfilled"
            ? `${GOV_COMMITMENT_LABELS.fulfilled}，经核实按期完成`
            : null,
        seededAt(madeOn),
      ],
    );
  }
  // the organ whose promise was broken: the court found for its counterparty, and the judgment stands unpaid
  const debtor = organs[1];
  if (debtor?.promise && fgw)
    await db.exec(
      `INSERT INTO gov_dishonesty (subject_id, dept_id, kind, description, amount, document_no, decided_on, created_at)
       VALUES ($1, $2, 'contract_breach', $3, 86.4, $4, $5, $6)`,
      [
        debtor.id,
        fgw,
        `未履行“${debtor.promise.title}”的承诺，${debtor.promise.counterparty}起诉后经法院判决赔偿损失，逾期仍未履行`,
        `（${o.anchor.slice(0, 4)}）赣0102执${String((Number(debtor.id) % 900) + 100)}号`,
        h.workdayBefore(40),
        seededAt(h.workdayBefore(38)),
      ],
    );

  // a warning below the disclosure threshold (DOMAIN §3): recorded, not public, what the bank is authorised to read
  const amr = DEPT_ID.get("jxamr");
  if (o.businessSubjectId && amr) {
    const [biz] = await db.exec("SELECT name, legal_representative FROM subjects WHERE id = $1", [
      o.businessSubjectId,
    ]);
    const decided = h.workdayBefore(45);
    await db.exec(
      `INSERT INTO penalties (subject_id, counterpart_name, counterpart_category, legal_representative, decision_no, decision_date,
         authority_dept_id, source_dept_id, violation_type, violation_facts, legal_basis, penalty_types, penalty_content,
         severity, public_until, repairable_from, disclosable, created_at)
       VALUES ($1, $2, 'legal_entity', $3, $4, $5, $6, $6, '未按规定公示年度报告',
         '当事人未在规定期限内通过国家企业信用信息公示系统报送上一年度年度报告，经责令限期改正后已补报。', '《企业信息公示暂行条例》第八条、第十七条',
         '{警告}', '警告', 'general', $7, $8, false, $9)`,
      [
        o.businessSubjectId,
        biz?.name,
        biz?.legal_representative,
        `赣市监简罚〔${decided.slice(0, 4)}〕${String((o.businessSubjectId % 900) + 100)}号`,
        decided,
        amr,
        penaltyPublicityWindow(decided, "general").publicUntil,
        penaltyPublicityWindow(decided, "general").repairableFrom,
        seededAt(h.workdayBefore(43)),
      ],
    );
  }

  // an institution authorised to read 不予公示的行政处罚, which queried the demo company twice
  const [inst] = await db.exec(
    `INSERT INTO institutions (name, kind, uscc, authorisation_no, authorised_until, data_classes, purposes)
     VALUES ('江西银行股份有限公司', 'bank', $1, $2, $3, '{penalty_undisclosed}', '{loan,credit_line,post_loan}') RETURNING id`,
    [
      withUsccCheckChar("91360000MA35D8K21"),
      `赣信用授〔${o.anchor.slice(0, 4)}〕3号`,
      `${Number(o.anchor.slice(0, 4)) + 1}-12-31`,
    ],
  );
  // its system's key was handed over when it was registered; only the hash of one nobody knows is kept here
  const [key] = await db.exec(
    `INSERT INTO api_keys (institution_id, label, prefix, key_hash, scopes) VALUES ($1, '江西银行授权查询', $2, $3, '{query}') RETURNING id`,
    [inst?.id, randomBytes(4).toString("hex"), createHash("sha256").update(randomBytes(32)).digest("hex")],
  );
  if (o.businessSubjectId)
    for (const [purpose, back] of [
      ["loan", 30],
      ["post_loan", 4],
    ] as const)
      await db.exec(
        `INSERT INTO authorised_queries (institution_id, key_id, subject_id, purpose, data_classes, ip, at) VALUES ($1, $2, $3, $4, '{penalty_undisclosed}', '10.20.1.15', $5)`,
        [inst?.id, key?.id, o.businessSubjectId, purpose, seededAt(h.workdayBefore(back), "14:20")],
      );

  // one company registered twice (一照多码): the same name under a second code
  const [twin] = await db.exec(
    `SELECT id, name, region_code, industry, address, legal_representative, registered_on::text FROM subjects
      WHERE kind = 'legal_person' ORDER BY id OFFSET 40 LIMIT 1`,
  );
  if (twin) {
    const region = String(twin.region_code);
    await db.exec(
      `INSERT INTO subjects (public_id, kind, uscc, name, legal_representative, region_code, industry, address, registered_on)
       VALUES ($1, 'legal_person', $2, $3, $4, $5, $6, $7, $8)`,
      [
        `p${randomBytes(7).toString("hex").slice(0, 13)}`,
        withUsccCheckChar(`91${region}${subjectOrgCode(900_000 + Number(twin.id))}`),
        twin.name,
        twin.legal_representative,
        region,
        twin.industry,
        twin.address,
        twin.registered_on,
      ],
    );
  }
}
