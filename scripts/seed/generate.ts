import chineseDays from "chinese-days/dist/chinese-days.json" with { type: "json" };
import { addDays, addMonths, compareDates, type IsoDate } from "../../lib/calendar/dates";
import { type CalendarException, workingCalendar } from "../../lib/calendar/working-days";
import { DEFAULT_POLICY } from "../../lib/policy";
import { isPenaltyDisclosable, type PenaltyType } from "../../lib/records/disclosure";
import { isRepairWindowOpen, penaltyPublicityWindow } from "../../lib/records/publicity";
import { breachPublicUntil, breachRepairableFrom } from "../../lib/records/repair-eligibility";
import { withIdCheckChar } from "../../lib/subjects/id-number";
import { orgCodeCheckChar } from "../../lib/subjects/org-code";
import { pinyinInitials } from "../../lib/subjects/pinyin";
import type { SubjectKind } from "../../lib/subjects/subject-kinds";
import { USCC_ALPHABET, withUsccCheckChar } from "../../lib/subjects/uscc";
import { CASE_PREFIX, caseNumber } from "../../lib/workflows/case-number";
import { DEPARTMENTS, FILLERS } from "./departments";
import { seededAt } from "./instants";
import * as N from "./names";
import { channelOf } from "./provenance";
import { type Rng, rng, seedFor } from "./random";
import { CITIES, PROVINCE } from "./regions";
import {
  CASE_AMOUNTS,
  fitsLicence,
  fitsPenalty,
  PRODUCTS_OF,
  SECTION,
  type Sector,
  sectorOf,
} from "./trades";

/** Rows for one table, columns in SQL names; the loaders turn them into COPY or multi-row INSERT. */
export type TableBatch = { table: string; columns: string[]; rows: unknown[][] };

export type ProtectedId = { digest: string; cipher: string; masked: string };
export type GenerateOptions = {
  /** the day the data is generated for: dates are spread back from it, so the demo never goes stale */
  anchor: IsoDate;
  seed: number;
  protectIdNumber: (id: string) => ProtectedId;
  /**
   * Organisation names given so far in this run: a name already taken is drawn again (issue 10: not five
   * 「南昌市建筑业协会」). Without it a subject id always yields the same row, whatever came before.
   */
  usedNames?: Set<string>;
  /**
   * Multiplies the mean number of penalties, licences and other acts per subject (default 1, about 4.2 records a
   * subject). Issue 24 §1 asks for about 50 million records at 5 million subjects: 2.4.
   */
  recordScale?: number;
};

const COUNTIES = CITIES.flatMap((c) => c.counties.map(([code, name]) => ({ code, name, city: c })));
// Weighted towards the larger cities, like the register itself.
const CITY_WEIGHT: Record<string, number> = {
  "360100": 5,
  "360700": 4,
  "360400": 3,
  "361100": 3,
  "360900": 3,
  "360800": 2,
};
const WEIGHTED_COUNTIES = COUNTIES.flatMap(
  (c) => Array(CITY_WEIGHT[c.city.code] ?? 1).fill(c) as (typeof COUNTIES)[number][],
);

export const DEPT_ID = new Map(DEPARTMENTS.map((d, i) => [d.code, i + 1]));
const deptId = (code: string) => DEPT_ID.get(code) ?? 1;
const PENALTY_DEPTS = DEPARTMENTS.filter((d) => d.penalties.length > 0 && d.regionCode === PROVINCE.code);

export function departmentUscc(orgBody: string, regionCode: string): string {
  return withUsccCheckChar(`11${regionCode}${orgBody}${orgCodeCheckChar(orgBody)}`);
}

/** 31^6 codes; multiplying by 3^18 (coprime to 31) permutes them, so every subject gets a distinct code. */
export function subjectOrgCode(i: number): string {
  let n = (i * 387_420_489 + 7_654_321) % 887_503_681;
  let body = "MA";
  for (let k = 0; k < 6; k++) {
    body += USCC_ALPHABET.charAt(n % 31);
    n = Math.floor(n / 31);
  }
  return body + orgCodeCheckChar(body);
}

export const CALENDAR: (CalendarException & { name: string })[] = [
  ...Object.entries(chineseDays.holidays).map(([date, v]) => ({
    date,
    kind: "holiday" as const,
    name: String(v).split(",")[1] ?? "",
  })),
  ...Object.entries(chineseDays.workdays).map(([date, v]) => ({
    date,
    kind: "workday" as const,
    name: `${String(v).split(",")[1] ?? ""}调休`,
  })),
];
const calendar = workingCalendar(CALENDAR);

export const LISTS = [
  {
    id: 1,
    kind: "red",
    name: "A级纳税人名单",
    dept: "jxtax",
    basis: "《纳税信用管理办法》第二十六条",
    months: 12,
  },
  {
    id: 2,
    kind: "red",
    name: "守合同重信用企业名单",
    dept: "jxamr",
    basis: "《江西省守合同重信用企业公示管理办法》",
    months: 24,
  },
  {
    id: 3,
    kind: "serious_dishonesty",
    name: "市场监督管理严重违法失信名单",
    dept: "jxamr",
    basis: "《市场监督管理严重违法失信名单管理办法》第二条",
    months: 36,
  },
  {
    id: 4,
    kind: "serious_dishonesty",
    name: "重大税收违法失信主体名单",
    dept: "jxtax",
    basis: "《重大税收违法失信主体信息公布管理办法》第六条",
    months: 36,
  },
  {
    id: 5,
    kind: "serious_dishonesty",
    name: "拖欠农民工工资失信联合惩戒对象名单",
    dept: "jxrst",
    basis: "《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》第五条",
    months: 36,
  },
  {
    id: 6,
    kind: "key_attention",
    name: "安全生产重点关注对象名单",
    dept: "jxyjt",
    basis: "《安全生产严重失信主体名单管理办法》第十一条",
    months: 12,
  },
  {
    id: 7,
    kind: "key_attention",
    name: "建筑市场主体重点关注名单",
    dept: "jxzjt",
    basis: "《建筑市场信用管理暂行办法》第十四条",
    months: 12,
  },
  {
    id: 8,
    kind: "market_ban",
    name: "政府采购禁入名单",
    dept: "jxczt",
    basis: "《中华人民共和国政府采购法》第七十七条",
    months: 36,
    field: "政府采购活动",
  },
  {
    id: 9,
    kind: "market_ban",
    name: "建筑市场禁入名单",
    dept: "jxzjt",
    basis: "《建筑市场信用管理暂行办法》第十六条",
    months: 24,
    field: "建筑工程招标投标活动",
  },
] as const;
const LIST_KINDS = ["red", "serious_dishonesty", "key_attention", "market_ban"] as const;

const COMMITMENT_TEMPLATES = [
  {
    id: 1,
    type: "approval_substitute",
    title: "证明事项告知承诺书",
    fields: [{ key: "matter", label: "申请事项" }],
    body: "本单位已知晓{matter}所需证明事项的要求，现承诺所提交信息真实、准确，符合告知的条件，愿意承担不实承诺的法律责任。",
  },
  {
    id: 2,
    type: "tolerance",
    title: "容缺受理承诺书",
    fields: [
      { key: "matter", label: "申请事项" },
      { key: "material", label: "暂缺材料" },
    ],
    body: "本单位申请办理{matter}，次要材料{material}暂缺，承诺于受理之日起二十个工作日内补齐，逾期未补齐的，愿意接受审批决定被撤销的后果。",
  },
  {
    id: 3,
    type: "self_discipline",
    title: "行业自律承诺书",
    fields: [{ key: "industry", label: "所属行业" }],
    body: "本单位自愿遵守{industry}行业自律公约，依法诚信经营，不制售假冒伪劣商品，不进行虚假宣传，接受社会监督。",
  },
  {
    id: 4,
    type: "voluntary",
    title: "主动公开信用承诺书",
    fields: [],
    body: "本单位郑重承诺：严格遵守法律法规，依法纳税、守合同重信用、保障劳动者合法权益，如有违反，自愿接受惩戒并向社会公开。",
  },
  {
    id: 5,
    type: "repair",
    title: "信用修复承诺书",
    fields: [{ key: "decision", label: "决定书文号" }],
    body: "本单位已履行{decision}确定的法定义务，已纠正失信行为，承诺今后依法诚信经营，如再次失信，自愿接受从重惩戒。",
  },
] as const;

function fill(text: string, r: Rng, n?: number, sector?: Sector): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) =>
    key === "n"
      ? String(n ?? r.int(2, 300))
      : r.pick((key === "product" && sector && PRODUCTS_OF[sector]) || FILLERS[key] || [key]),
  );
}

function personName(r: Rng): string {
  const surname = r.chance(0.02) ? r.pick(N.COMPOUND_SURNAMES) : r.pick(N.SURNAMES);
  return surname + r.pick(N.GIVEN) + (r.chance(0.6) ? r.pick(N.GIVEN) : "");
}

export function staticBatches(_opts: GenerateOptions): TableBatch[] {
  const regionRows: unknown[][] = [[PROVINCE.code, PROVINCE.name, "province", null, 0]];
  CITIES.forEach((c, i) => {
    regionRows.push([c.code, c.name, "city", PROVINCE.code, i + 1]);
    for (const [j, [code, name]] of c.counties.entries())
      regionRows.push([code, name, "county", c.code, j + 1]);
  });
  return [
    { table: "regions", columns: ["code", "name", "level", "parent_code", "sort_order"], rows: regionRows },
    {
      table: "departments",
      columns: ["id", "code", "name", "short_name", "uscc", "region_code", "level"],
      rows: DEPARTMENTS.map((d, i) => [
        i + 1,
        d.code,
        d.name,
        d.shortName,
        departmentUscc(d.orgBody, d.regionCode),
        d.regionCode,
        d.regionCode === PROVINCE.code ? "province" : "city",
      ]),
    },
    {
      table: "credit_lists",
      columns: ["id", "kind", "name", "owner_dept_id", "legal_basis", "validity_months"],
      rows: LISTS.map((l) => [l.id, l.kind, l.name, deptId(l.dept), l.basis, l.months]),
    },
    {
      // issue 20 N4: the cities' market regulators propose on the province market regulator's lists, for their city
      table: "credit_list_departments",
      columns: ["list_id", "dept_id"],
      rows: LISTS.filter((l) => l.dept === "jxamr").flatMap((l) =>
        ["ncamr", "gzamr"].map((city) => [l.id, deptId(city)]),
      ),
    },
    {
      table: "commitment_templates",
      columns: ["id", "series_id", "version", "type", "title", "body", "fields"],
      rows: COMMITMENT_TEMPLATES.map((t) => [
        t.id,
        t.id,
        1,
        t.type,
        t.title,
        t.body,
        JSON.stringify(t.fields),
      ]),
    },
    {
      table: "calendar_days",
      columns: ["date", "kind", "name"],
      rows: CALENDAR.map((d) => [d.date, d.kind, d.name]),
    },
  ];
}

type SubjectFacts = {
  id: number;
  kind: SubjectKind;
  name: string;
  regionCode: string;
  cityCode: string;
  letter: string;
  sector: Sector;
};

export function makeSubject(i: number, opts: GenerateOptions): { row: unknown[]; facts: SubjectFacts } {
  const r = rng(seedFor(opts.seed, i, 1));
  const county = r.pick(WEIGHTED_COUNTIES);
  const place = r.chance(0.5) ? county.city.name.replace(/市$/, "") : county.name.replace(/(区|县|市)$/, "");
  const roll = r.next();
  const kind: SubjectKind =
    roll < 0.6
      ? "legal_person"
      : roll < 0.8
        ? "individual_business"
        : roll < 0.84
          ? "unincorporated"
          : roll < 0.88
            ? "farmer_coop"
            : roll < 0.9
              ? "social_org"
              : roll < 0.92
                ? "institution"
                : roll < 0.93
                  ? "government"
                  : "natural_person";
  const trade = r.pick(N.TRADE_A) + r.pick(N.TRADE_B);
  const org = subjectOrgCode(i);
  let name: string;
  let letter = "L";
  let prefix = "91";
  switch (kind) {
    case "individual_business": {
      const shop = r.pick(N.SHOPS);
      name = `${county.name}${r.pick(N.SURNAMES)}记${shop.word}`;
      letter = shop.letter;
      prefix = "92";
      break;
    }
    case "farmer_coop":
      name = `${county.name}${trade}${r.pick(N.COOPS)}专业合作社`;
      letter = "A";
      prefix = "93";
      break;
    case "social_org":
      // a city's association, or once the city has it, one of a county's
      name = `${r.chance(0.3) ? county.city.name : `${county.city.name}${county.name}`}${r.pick(N.ASSOCIATIONS)}`;
      prefix = "51";
      letter = "S";
      break;
    case "institution":
      name = `${county.name}${r.pick(N.INSTITUTIONS)}`;
      prefix = "12";
      letter = "Q";
      break;
    case "government":
      name = `${county.name}${r.pick(N.AGENCIES)}`;
      prefix = "11";
      letter = "S";
      break;
    case "natural_person":
      name = personName(r);
      break;
    default: {
      const ind = r.pick(N.INDUSTRIES);
      name = `${place}${trade}${r.pick(ind.words)}${kind === "unincorporated" ? "分公司" : r.pick(N.FORMS)}`;
      letter = ind.letter;
    }
  }
  const isPerson = kind === "natural_person";
  if (!isPerson) name = uniqueName(name, r, opts.usedNames) + N.DEMO_MARK;
  // the trade the name says decides the industry stored and the records drawn (issue 21)
  const sector = sectorOf(name, kind);
  if (!isPerson) letter = SECTION[sector] || letter;
  const uscc = isPerson ? null : withUsccCheckChar(`${prefix}${county.code}${org}`);
  let pid: ProtectedId | null = null;
  if (isPerson) {
    // (birthday, sequence) as a permutation of i (7,919 is coprime to 15,000,000): no two of the first 15 million
    // subjects share an ID number, which random draws did beyond a million subjects
    const p = (i * 7_919) % 15_000_000;
    const birth = addDays("1960-01-01", Math.floor(p / 1000)).replaceAll("-", "");
    pid = opts.protectIdNumber(withIdCheckChar(`${county.code}${birth}${String(p % 1000).padStart(3, "0")}`));
  }
  const registeredOn = addDays(opts.anchor, -r.int(200, 9000));
  const publicId = `p${i.toString(36).padStart(6, "0")}${seedFor(opts.seed, i, 9).toString(36).padStart(7, "0")}`;
  const row = [
    i,
    publicId,
    kind,
    uscc,
    name,
    pinyinInitials(name.replace(N.DEMO_MARK, "")),
    isPerson ? null : personName(r),
    pid?.digest ?? null,
    pid?.cipher ?? null,
    pid?.masked ?? null,
    county.code,
    isPerson ? null : letter,
    isPerson ? null : `${county.city.name}${county.name}${r.pick(N.STREETS)}${r.int(1, 399)}号`,
    isPerson ? null : registeredOn,
    null, // last_activity_on: set once the subject's records exist
  ];
  return {
    row,
    facts: { id: i, kind, name, regionCode: county.code, cityCode: county.city.code, letter, sector },
  };
}

export const SUBJECT_COLUMNS = [
  "id",
  "public_id",
  "kind",
  "uscc",
  "name",
  "name_initials",
  "legal_representative",
  "id_number_digest",
  "id_number_cipher",
  "id_number_masked",
  "region_code",
  "industry",
  "address",
  "registered_on",
  "last_activity_on",
];
/**
 * When a record went online (issue 23 §4 timeliness): most within a few days of the decision, about one in fifteen
 * late. Derived from the row's id, not drawn, so the rest of the demo set stays as it was.
 */
function onlineAt(decisionDate: IsoDate, id: number): string {
  const h = (id * 2654435761) % 1000;
  const lag = h < 65 ? 10 + (h % 20) : h % 6;
  return seededAt(addDays(decisionDate, lag), `${String(9 + (h % 8)).padStart(2, "0")}:30`);
}

/** One legal-entity penalty in fifty went online without its 法定代表人 (the board's completeness figure). */
const lacksRepresentative = (id: number) => Math.floor(id * 618.0339887) % 50 === 7;

export const PENALTY_COLUMNS = [
  "id",
  "subject_id",
  "counterpart_name",
  "counterpart_category",
  "legal_representative",
  "decision_no",
  "decision_date",
  "authority_dept_id",
  "source_dept_id",
  "status",
  "withdrawn_reason",
  "violation_type",
  "violation_facts",
  "legal_basis",
  "penalty_types",
  "penalty_content",
  "fine_amount",
  "confiscated_amount",
  "severity",
  "public_until",
  "repairable_from",
  "disclosable",
  "repaired_at",
  "created_at",
  "channel",
];
export const LICENCE_COLUMNS = [
  "id",
  "subject_id",
  "counterpart_name",
  "counterpart_category",
  "legal_representative",
  "decision_no",
  "decision_date",
  "authority_dept_id",
  "source_dept_id",
  "status",
  "decision_title",
  "category",
  "certificate_name",
  "licence_no",
  "content",
  "valid_from",
  "valid_to",
  "created_at",
  "channel",
];
export const ADMIN_ACT_COLUMNS = [
  "id",
  "subject_id",
  "counterpart_name",
  "counterpart_category",
  "decision_no",
  "decision_date",
  "authority_dept_id",
  "source_dept_id",
  "kind",
  "title",
  "content",
];
export const ENTRY_COLUMNS = [
  "id",
  "list_id",
  "kind",
  "subject_id",
  "status",
  "case_no",
  "dept_id",
  "basis",
  "facts",
  "banned_field",
  "notice_date",
  "statement_deadline",
  "decision_date",
  "decision_no",
  "published_at",
  "valid_from",
  "valid_until",
  "removed_on",
  "removal_reason",
  "removal_note",
  "basis_penalty_ids",
];
export const EVENT_COLUMNS = ["entry_id", "step", "on", "document_no", "note"];
export const COMMITMENT_COLUMNS = [
  "id",
  "subject_id",
  "type",
  "template_id",
  "dept_id",
  "title",
  "content",
  "signer_name",
  "signed_on",
  "status",
  "return_reason",
  "reviewed_at",
  "fulfilment",
  "breach_finding",
  "breached_on",
  "fulfilled_on",
  "submitted_on",
  "review_due_on",
  "breach_public_until",
  "breach_repairable_from",
];

const MAKERS: Sector[] = ["manufacturing", "chemicals", "food_mfg", "software", "technical"];
const ACTS: { kind: string; title: string; content: string; fits: Sector[] }[] = [
  {
    kind: "inspection",
    title: "行政检查结果",
    content: "经现场检查，未发现违法违规行为。",
    fits: [...MAKERS, "trade", "supermarket", "catering", "hotel", "construction", "logistics", "pharmacy"],
  },
  { kind: "confirmation", title: "行政确认", content: "确认当事人为高新技术企业。", fits: MAKERS },
  {
    kind: "reward",
    title: "行政奖励",
    content: "授予“{place}安全生产先进单位”称号。",
    fits: ["manufacturing", "chemicals", "construction", "logistics"],
  },
  {
    kind: "enforcement",
    title: "行政强制措施",
    content: "对当事人涉嫌不合格的{product}实施查封。",
    fits: ["trade", "supermarket", "food_mfg", "farm_supply"],
  },
  {
    kind: "levy",
    title: "行政征收",
    content: "征收城市基础设施配套费。",
    fits: ["real_estate", "construction"],
  },
];

/** Every (department, cause) a penalty may be drawn from: the province's departments. */
const PENALTY_CHOICES = PENALTY_DEPTS.flatMap((dept) => dept.penalties.map((t) => ({ dept, t })));
/** Every (department, licence) a licence may be drawn from. */
const LICENCE_CHOICES = DEPARTMENTS.flatMap((dept) => dept.licences.map((t) => ({ dept, t })));

const ASSOCIATION_OR_FORM = new RegExp(
  `(${N.ASSOCIATIONS.join("|")}|有限|股份|集团|分公司|专业合作社|店|部|馆|学校|医院|中心|局)`,
);

/** An organisation name not given yet in this run: drawn again with another 字号, then placed in its county. */
function uniqueName(name: string, r: ReturnType<typeof rng>, used: Set<string> | undefined): string {
  if (!used) return name;
  let candidate = name;
  for (let attempt = 0; used.has(candidate); attempt++) {
    const mark = `${r.pick(N.TRADE_A)}${r.pick(N.TRADE_B)}`;
    // the 字号 goes where a registry puts it: before the association's trade, or before the legal form
    candidate = attempt < 8 ? name.replace(ASSOCIATION_OR_FORM, (m) => `${mark}${m}`) : `${name}${attempt}`;
  }
  used.add(candidate);
  return candidate;
}

/** All rows that hang off subjects [from, to): the same subject id always yields the same rows. */
export function subjectBatches(from: number, to: number, opts: GenerateOptions): TableBatch[] {
  const subjects: unknown[][] = [];
  const penalties: unknown[][] = [];
  const licences: unknown[][] = [];
  const acts: unknown[][] = [];
  const entries: unknown[][] = [];
  const events: unknown[][] = [];
  const commitments: unknown[][] = [];
  for (let i = from; i < to; i++) {
    const { row, facts: s } = makeSubject(i, opts);
    subjects.push(row);
    let lastActivity = "";
    const touch = (d: string) => {
      if (d > lastActivity) lastActivity = d;
    };
    const r = rng(seedFor(opts.seed, i, 2));
    const legalRep = row[6] as string | null;
    const category =
      s.kind === "natural_person"
        ? "natural_person"
        : s.kind === "individual_business"
          ? "individual_business"
          : "legal_entity";
    const displayName = s.name;

    // only causes that fit the subject's trade (issue 21: no 农资 company fined for illegal tutoring)
    const causes = PENALTY_CHOICES.filter((c) => fitsPenalty(c.t.violationType, s.sector));
    const scale = opts.recordScale ?? 1;
    const nPen =
      causes.length === 0 ? 0 : Math.min(9, r.poisson((s.kind === "natural_person" ? 0.6 : 2) * scale));
    for (let k = 0; k < nPen; k++) {
      const { dept, t } = r.pick(causes);
      const local =
        dept.code === "jxamr" && r.chance(0.5)
          ? DEPARTMENTS.find((d) => d.regionCode === s.cityCode)
          : undefined;
      const source = local ?? dept;
      const decisionDate = addDays(opts.anchor, -r.int(0, 1500));
      const severity = r.chance(0.12) ? "serious" : "general";
      // the amounts follow the case: what {n} counts, the fine the rule sets on it, income below what was at stake
      const a = CASE_AMOUNTS[t.violationType];
      const n = a ? r.int(a.n[0], a.n[1]) : r.int(2, 300);
      const wan = (v: number) => Math.max(0.01, Math.round(v * 100) / 100);
      const fine =
        t.fine[1] <= 0
          ? null
          : wan(a?.fine ? a.fine(n, r.next()) : t.fine[0] + r.next() * (t.fine[1] - t.fine[0]));
      const types = t.types as PenaltyType[];
      const confiscated = types.includes("没收违法所得")
        ? wan(a?.gain ? a.gain(n, r.next()) : (fine ?? 1) * (0.1 + 0.4 * r.next()))
        : null;
      const w = penaltyPublicityWindow(decisionDate, severity);
      const disclosable = isPenaltyDisclosable(
        { penaltyTypes: types, fineAmountWan: fine, subjectKind: s.kind },
        DEFAULT_POLICY.disclosureFineThresholdWan,
      );
      const roll = r.next();
      const repaired = roll < 0.04 && isRepairWindowOpen(decisionDate, severity, opts.anchor);
      const withdrawn = !repaired && roll > 0.98;
      const year = decisionDate.slice(0, 4);
      const status = repaired ? "repaired" : withdrawn ? "withdrawn" : "active";
      const decisionNo = `${source.docPrefix}〔${year}〕${i * 10 + k}号`;
      touch(decisionDate);
      penalties.push([
        i * 10 + k,
        i,
        displayName,
        category,
        category === "legal_entity" && !lacksRepresentative(i * 10 + k) ? legalRep : null,
        decisionNo,
        decisionDate,
        deptId(source.code),
        deptId(source.code),
        status,
        withdrawn ? "复议撤销原处罚决定" : null,
        t.violationType,
        fill(t.facts, r, n, s.sector),
        t.basis,
        `{${types.join(",")}}`,
        types.map((t) => (t === "罚款" && fine ? `罚款人民币${fine}万元` : t)).join("，"),
        fine,
        confiscated,
        severity,
        w.publicUntil,
        w.repairableFrom,
        disclosable,
        repaired ? w.repairableFrom : null,
        onlineAt(decisionDate, i * 10 + k),
        channelOf(i * 10 + k),
      ]);
    }

    // a province department, or the bureau of the subject's own city (issue 10: 南昌 does not license 赣州), and only
    // licences its trade needs (issue 21: no travel-agency licence for a 蜜橘 cooperative, none for a 城市管理局)
    const licences_ = LICENCE_CHOICES.filter(
      (c) =>
        (c.dept.regionCode === "360000" || c.dept.regionCode === s.cityCode) &&
        fitsLicence(c.t.certificate, s.sector),
    );
    // ids leave 20 a subject for licences, 10 for the others
    const nLic =
      licences_.length === 0
        ? 0
        : Math.min(scale > 1 ? 19 : 6, r.poisson((s.kind === "natural_person" ? 0.8 : 2.5) * scale));
    for (let k = 0; k < nLic; k++) {
      const { dept, t } = r.pick(licences_);
      const decisionDate = addDays(opts.anchor, -r.int(0, 2500));
      const validTo = addDays(addMonths(decisionDate, t.years * 12), -1);
      touch(decisionDate);
      licences.push([
        i * 20 + k,
        i,
        displayName,
        category,
        category === "legal_entity" ? legalRep : null,
        `${dept.docPrefix.replace("罚", "许")}〔${decisionDate.slice(0, 4)}〕${i * 20 + k}号`,
        decisionDate,
        deptId(dept.code),
        deptId(dept.code),
        "active",
        t.title,
        t.category,
        t.certificate,
        `JX${dept.code.toUpperCase()}${String(i * 20 + k).padStart(9, "0")}`,
        fill(t.content, r),
        decisionDate,
        validTo,
        onlineAt(decisionDate, i * 20 + k),
        channelOf(i * 20 + k),
      ]);
    }

    // inspections, confirmations and the like are acts on businesses; 高新技术企业 only for those that make or build
    const acts_ = ACTS.filter((a) => a.fits.includes(s.sector));
    const nAct = acts_.length === 0 ? 0 : Math.min(9, r.poisson(1.5 * scale));
    for (let k = 0; k < nAct; k++) {
      const dept = r.pick(PENALTY_DEPTS);
      const a = r.pick(acts_);
      const decisionDate = addDays(opts.anchor, -r.int(0, 1500));
      touch(decisionDate);
      acts.push([
        i * 10 + k,
        i,
        displayName,
        category,
        `${dept.docPrefix.replace("罚", "决")}〔${decisionDate.slice(0, 4)}〕${i * 10 + k}号`,
        decisionDate,
        deptId(dept.code),
        deptId(dept.code),
        a.kind,
        a.title,
        fill(a.content, r, undefined, s.sector),
      ]);
    }

    if (s.kind !== "natural_person" && s.kind !== "government") {
      LIST_KINDS.forEach((kind, ki) => {
        const p = { red: 0.05, serious_dishonesty: 0.02, key_attention: 0.025, market_ban: 0.006 }[kind];
        if (!r.chance(p)) return;
        const list = r.pick(LISTS.filter((l) => l.kind === kind));
        const entryId = (i - 1) * 4 + ki + 1;
        const decisionDate = addDays(opts.anchor, -r.int(0, list.months * 31 + 120));
        const decisionNo = `${DEPARTMENTS[deptId(list.dept) - 1]?.docPrefix.replace("罚", "信认")}〔${decisionDate.slice(0, 4)}〕${entryId}号`;
        const validUntil = addDays(addMonths(decisionDate, list.months), -1);
        const needsNotice = kind !== "red";
        // 5 working days can span a 9-day Spring Festival: notice at least 20 days ahead
        const noticeDate = needsNotice ? addDays(decisionDate, -r.int(20, 45)) : null;
        const statementDeadline = noticeDate
          ? calendar.addWorkingDays(noticeDate, DEFAULT_POLICY.statementPeriodWorkingDays)
          : null;
        const pending = needsNotice && r.chance(0.08) && noticeDate !== null;
        // numbered as the service numbers a proposal: on the day the case was opened
        const caseNo = caseNumber(CASE_PREFIX.list_entry, addDays(noticeDate ?? decisionDate, -5), entryId);
        const outcome = r.next();
        const removedOn = !pending && outcome < 0.06 ? addDays(decisionDate, r.int(200, 400)) : null;
        const removal =
          removedOn && compareDates(removedOn, opts.anchor) <= 0
            ? outcome < 0.04
              ? "repaired"
              : "revoked"
            : null;
        // a negative listing rests on a cause of the list's department that fits the subject's trade
        const causes = (DEPARTMENTS[deptId(list.dept) - 1]?.penalties ?? []).filter((t) =>
          fitsPenalty(t.violationType, s.sector),
        );
        if (kind !== "red" && causes.length === 0) return;
        const drawnFacts =
          kind === "red"
            ? "连续三年依法诚信经营，无不良信用记录。"
            : fill(r.pick(causes).facts, r, undefined, s.sector);
        // issue 21: a negative listing cites the subject's own penalty by the list's department, decided before the
        // notice and still in force, when it has one (its facts are the listing's)
        const opened = noticeDate ?? decisionDate;
        const basis =
          kind === "red"
            ? undefined
            : penalties
                .filter(
                  (p) =>
                    p[1] === i && p[7] === deptId(list.dept) && p[9] === "active" && String(p[6]) < opened,
                )
                .at(-1);
        const facts = basis ? String(basis[12]) : drawnFacts;
        const basisIds = basis ? `{${basis[0]}}` : "{}";
        if (pending) {
          // a case still within its statement period: notified, not decided, not public
          const nd = addDays(opts.anchor, -r.int(0, 6));
          const pendingNo = caseNumber(CASE_PREFIX.list_entry, addDays(nd, -3), entryId);
          entries.push([
            entryId,
            list.id,
            kind,
            i,
            "notified",
            pendingNo,
            deptId(list.dept),
            list.basis,
            facts,
            null,
            nd,
            calendar.addWorkingDays(nd, DEFAULT_POLICY.statementPeriodWorkingDays),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            basisIds,
          ]);
          events.push(
            [entryId, "case_opened", addDays(nd, -3), null, "立案"],
            [entryId, "notified", nd, null, "送达失信认定告知书，告知陈述申辩权利"],
          );
          return;
        }
        entries.push([
          entryId,
          list.id,
          kind,
          i,
          removal ? "removed" : "published",
          caseNo,
          deptId(list.dept),
          list.basis,
          facts,
          "field" in list ? list.field : null,
          noticeDate,
          statementDeadline,
          decisionDate,
          decisionNo,
          seededAt(decisionDate, "09:00"),
          decisionDate,
          validUntil,
          removal ? removedOn : null,
          removal,
          removal === "repaired"
            ? "信用修复申请经审核同意，提前移出"
            : removal === "revoked"
              ? "认定依据的处罚决定被撤销"
              : null,
          basisIds,
        ]);
        if (noticeDate) {
          events.push([entryId, "case_opened", addDays(noticeDate, -5), null, "立案"]);
          events.push([entryId, "notified", noticeDate, null, "送达失信认定告知书，告知陈述申辩权利"]);
        }
        events.push([entryId, "published", decisionDate, decisionNo, "作出认定决定，在信用江西网站公布"]);
        if (removal && removedOn)
          events.push([
            entryId,
            "removed",
            removedOn,
            null,
            removal === "repaired" ? "信用修复移出" : "撤销认定",
          ]);
      });

      if (r.chance(0.06)) {
        const t = r.pick(COMMITMENT_TEMPLATES.filter((c) => c.type !== "repair"));
        const signedOn = addDays(opts.anchor, -r.int(1, 700));
        const roll = r.next();
        const status = roll < 0.85 ? "approved" : roll < 0.93 ? "submitted" : "returned";
        const f = r.next();
        const fulfilment =
          status !== "approved"
            ? "in_progress"
            : f < 0.6
              ? "in_progress"
              : f < 0.9
                ? "fulfilled"
                : "breached";
        const dept = r.pick(DEPARTMENTS);
        commitments.push([
          i,
          i,
          t.type,
          t.id,
          deptId(dept.code),
          t.title,
          t.body
            .replace("{matter}", r.pick(dept.licences)?.title ?? "行政许可")
            .replace("{material}", "财务审计报告")
            .replace("{industry}", "本"),
          legalRep ?? "",
          signedOn,
          status,
          status === "returned" ? "承诺内容缺少具体履约期限，请补充后重新提交" : null,
          status === "submitted" ? null : seededAt(addDays(signedOn, 2)),
          fulfilment,
          fulfilment === "breached" ? "经核查，承诺人未在承诺期限内补齐材料，构成违诺。" : null,
          fulfilment === "breached" ? addDays(signedOn, 40) : null,
          fulfilment === "fulfilled" ? addDays(signedOn, 30) : null,
          signedOn,
          calendar.addWorkingDays(signedOn, DEFAULT_POLICY.commitmentReviewWorkingDays),
          fulfilment === "breached" ? breachPublicUntil(addDays(signedOn, 40)) : null,
          fulfilment === "breached" ? breachRepairableFrom(addDays(signedOn, 40)) : null,
        ]);
      }
    }
    row[row.length - 1] = lastActivity || null;
  }
  return [
    { table: "subjects", columns: SUBJECT_COLUMNS, rows: subjects },
    { table: "penalties", columns: PENALTY_COLUMNS, rows: penalties },
    { table: "licences", columns: LICENCE_COLUMNS, rows: licences },
    { table: "admin_acts", columns: ADMIN_ACT_COLUMNS, rows: acts },
    { table: "list_entries", columns: ENTRY_COLUMNS, rows: entries },
    { table: "list_entry_events", columns: EVENT_COLUMNS, rows: events },
    { table: "commitments", columns: COMMITMENT_COLUMNS, rows: commitments },
  ];
}
