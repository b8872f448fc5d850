import type { Grade } from "../policy";

/** DOMAIN §9 rule set (ours, configurable): points per fact and the grade bands. */
export type GradingRules = {
  version: string;
  start: number;
  generalPenalty: number;
  seriousPenalty: number;
  redListEntry: number;
  breachedCommitment: number;
  fulfilledCommitment: number;
  /** lowest score of A, B and C; below C is D */
  bands: { A: number; B: number; C: number };
};

export const DEFAULT_GRADING: GradingRules = {
  version: "2026.1",
  start: 100,
  generalPenalty: -5,
  seriousPenalty: -20,
  redListEntry: 5,
  breachedCommitment: -10,
  fulfilledCommitment: 2,
  bands: { A: 90, B: 75, C: 60 },
};

/** The rule set in force: a stored 'grading' setting over the defaults, part by part (the SQL grade_rules() does the same). */
export function rulesOver(stored: Partial<GradingRules> | null | undefined): GradingRules {
  if (!stored) return DEFAULT_GRADING;
  return { ...DEFAULT_GRADING, ...stored, bands: { ...DEFAULT_GRADING.bands, ...stored.bands } };
}

/** a record under objection (DOMAIN §8 核实中) is shown but counts against nothing until the objection ends */
type Contested = { underVerification?: boolean };

export type GradeFacts = {
  /** publicly shown penalties only */
  penalties: ({ id: number; severity: "general" | "serious"; decisionNo: string } & Contested)[];
  redEntries: { id: number; listName: string }[];
  keyAttention: ({ id: number; listName: string } & Contested)[];
  seriousDishonesty: ({ id: number; listName: string } & Contested)[];
  commitments: { id: number; title: string; fulfilment: "in_progress" | "fulfilled" | "breached" }[];
};

export type Contribution = {
  rule: string;
  refType: string | null;
  refId: number | null;
  points: number;
  cap: Grade | null;
  label: string;
};

export type GradeResult = { grade: Grade; score: number; contributions: Contribution[]; ruleVersion: string };

const ORDER: Grade[] = ["A", "B", "C", "D"];
const worse = (a: Grade, b: Grade): Grade => (ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b);

export function gradeForScore(score: number, rules: GradingRules = DEFAULT_GRADING): Grade {
  return score >= rules.bands.A ? "A" : score >= rules.bands.B ? "B" : score >= rules.bands.C ? "C" : "D";
}

/**
 * DOMAIN §9: start at 100; each public 一般 penalty −5, 严重 −20; each red-list entry +5; each 违诺 −10; each
 * 已履约 commitment +2; A ≥ 90, B 75–89, C 60–74, D < 60; 重点关注 caps at C; 严重失信名单 forces D.
 * A negative record under objection (DOMAIN §8 核实中) counts 0 and caps nothing, said as such.
 * Every step is returned as a contribution, so the grade can be explained line by line.
 */
export function computeGrade(f: GradeFacts, rules: GradingRules = DEFAULT_GRADING): GradeResult {
  const c: Contribution[] = [];
  const contested = (refId: number, what: string) =>
    c.push({
      rule: "under_verification",
      refType: what === "penalty" ? "penalty" : "list_entry",
      refId,
      points: 0,
      cap: null,
      label: `${what === "penalty" ? "行政处罚" : what}异议核实中，暂不计入`,
    });
  for (const p of f.penalties) {
    if (p.underVerification) {
      contested(p.id, "penalty");
      continue;
    }
    const serious = p.severity === "serious";
    c.push({
      rule: serious ? "serious_penalty" : "general_penalty",
      refType: "penalty",
      refId: p.id,
      points: serious ? rules.seriousPenalty : rules.generalPenalty,
      cap: null,
      label: `${serious ? "严重" : "一般"}失信行政处罚 ${p.decisionNo}`,
    });
  }
  for (const e of f.redEntries) {
    c.push({
      rule: "red_list",
      refType: "list_entry",
      refId: e.id,
      points: rules.redListEntry,
      cap: null,
      label: `列入${e.listName}`,
    });
  }
  for (const m of f.commitments) {
    if (m.fulfilment === "breached")
      c.push({
        rule: "breach",
        refType: "commitment",
        refId: m.id,
        points: rules.breachedCommitment,
        cap: null,
        label: `违诺：${m.title}`,
      });
    if (m.fulfilment === "fulfilled")
      c.push({
        rule: "fulfilled",
        refType: "commitment",
        refId: m.id,
        points: rules.fulfilledCommitment,
        cap: null,
        label: `已履约：${m.title}`,
      });
  }
  for (const e of f.keyAttention) {
    if (e.underVerification) {
      contested(e.id, `列入${e.listName}`);
      continue;
    }
    c.push({
      rule: "key_attention",
      refType: "list_entry",
      refId: e.id,
      points: 0,
      cap: "C",
      label: `列入${e.listName}，评价最高为 C`,
    });
  }
  for (const e of f.seriousDishonesty) {
    if (e.underVerification) {
      contested(e.id, `列入${e.listName}`);
      continue;
    }
    c.push({
      rule: "serious_dishonesty",
      refType: "list_entry",
      refId: e.id,
      points: 0,
      cap: "D",
      label: `列入${e.listName}，评价为 D`,
    });
  }
  const score = c.reduce((s, x) => s + x.points, rules.start);
  const grade = c.reduce<Grade>((g, x) => (x.cap ? worse(g, x.cap) : g), gradeForScore(score, rules));
  return { grade, score, contributions: c, ruleVersion: rules.version };
}

export const GRADE_LABELS: Record<Grade, string> = { A: "优", B: "良", C: "中", D: "差" };

export type GradeCounts = {
  generalPenalties: number;
  seriousPenalties: number;
  redEntries: number;
  keyAttention: number;
  seriousDishonesty: number;
  fulfilled: number;
  breached: number;
};

/** The grade alone, from counts of public facts (for lists of results); the same rule as computeGrade. */
export function gradeFromCounts(c: GradeCounts, rules: GradingRules = DEFAULT_GRADING): Grade {
  const n = (k: number) => Array.from({ length: k }, (_, i) => i);
  return computeGrade(
    {
      penalties: [
        ...n(c.generalPenalties).map((id) => ({ id, severity: "general" as const, decisionNo: "" })),
        ...n(c.seriousPenalties).map((id) => ({ id, severity: "serious" as const, decisionNo: "" })),
      ],
      redEntries: n(c.redEntries).map((id) => ({ id, listName: "" })),
      keyAttention: n(c.keyAttention).map((id) => ({ id, listName: "" })),
      seriousDishonesty: n(c.seriousDishonesty).map((id) => ({ id, listName: "" })),
      commitments: [
        ...n(c.fulfilled).map((id) => ({ id, title: "", fulfilment: "fulfilled" as const })),
        ...n(c.breached).map((id) => ({ id, title: "", fulfilment: "breached" as const })),
      ],
    },
    rules,
  ).grade;
}
