import { describe, expect, it } from "vitest";
import { SUBJECT_KIND_KEYS, type SubjectKind } from "../subjects/subject-kinds";
import { isPenaltyDisclosable, PENALTY_TYPES, type PenaltyType } from "./disclosure";

const THRESHOLD = 1; // DOMAIN §3 default (ours): 1 万元 for organisations

const ORGANISATIONS = SUBJECT_KIND_KEYS.filter((k) => k !== "natural_person");
const ALL_KINDS: SubjectKind[] = [...SUBJECT_KIND_KEYS];
const MINOR: PenaltyType[] = ["警告", "通报批评"];
const OTHERS = PENALTY_TYPES.filter((t) => t !== "警告" && t !== "通报批评" && t !== "罚款");

const disclosable = (
  penaltyTypes: PenaltyType[],
  fineAmountWan: number | null,
  subjectKind: SubjectKind,
  t = THRESHOLD,
) => isPenaltyDisclosable({ penaltyTypes, fineAmountWan, subjectKind }, t);

describe("PENALTY_TYPES — DOMAIN §3 处罚类别", () => {
  it("lists the 14 categories of the national 双公示 standard", () => {
    expect([...PENALTY_TYPES].sort()).toEqual(
      [
        "警告",
        "通报批评",
        "罚款",
        "没收违法所得",
        "没收非法财物",
        "暂扣许可证件",
        "降低资质等级",
        "吊销许可证件",
        "限制开展生产经营活动",
        "责令停产停业",
        "责令关闭",
        "限制从业",
        "行政拘留",
        "其他",
      ].sort(),
    );
  });
});

describe("SUBJECT_KIND_KEYS — DOMAIN §1 subject kinds", () => {
  it("has the 8 contract keys", () => {
    expect([...SUBJECT_KIND_KEYS].sort()).toEqual(
      [
        "legal_person",
        "unincorporated",
        "individual_business",
        "farmer_coop",
        "social_org",
        "institution",
        "government",
        "natural_person",
      ].sort(),
    );
  });
});

describe("isPenaltyDisclosable — DOMAIN §3: only 警告/通报批评 → not disclosed", () => {
  for (const kind of ALL_KINDS) {
    it(`${kind}: 警告, 通报批评, or both → not disclosed`, () => {
      expect(disclosable(["警告"], null, kind)).toBe(false);
      expect(disclosable(["通报批评"], null, kind)).toBe(false);
      expect(disclosable(MINOR, null, kind)).toBe(false);
    });
  }
});

describe("isPenaltyDisclosable — DOMAIN §3: organisation fine below the threshold (1 万元) → not disclosed", () => {
  for (const kind of ORGANISATIONS) {
    it(`${kind}: 罚款 0.5 万元 → not disclosed; 1 万元 (not under) and 5 万元 → disclosed`, () => {
      expect(disclosable(["罚款"], 0.5, kind)).toBe(false);
      expect(disclosable(["罚款"], 0.9999, kind)).toBe(false);
      expect(disclosable(["罚款"], 1, kind)).toBe(true); // "under" the threshold is strict
      expect(disclosable(["罚款"], 5, kind)).toBe(true);
    });
    it(`${kind}: 罚款 under threshold together with 警告/通报批评 → still not disclosed`, () => {
      expect(disclosable(["警告", "罚款"], 0.5, kind)).toBe(false);
      expect(disclosable(["通报批评", "罚款"], 0.2, kind)).toBe(false);
      expect(disclosable(["警告", "通报批评", "罚款"], 0.2, kind)).toBe(false);
      expect(disclosable(["警告", "罚款"], 2, kind)).toBe(true);
    });
    it(`${kind}: 罚款 under threshold plus any other penalty type → disclosed`, () => {
      for (const other of OTHERS) expect(disclosable(["罚款", other], 0.5, kind), other).toBe(true);
    });
  }
});

describe("isPenaltyDisclosable — DOMAIN §3: natural persons are not subject to the organisation threshold", () => {
  it("natural_person: any fine is disclosed, however small", () => {
    expect(disclosable(["罚款"], 0.02, "natural_person")).toBe(true);
    expect(disclosable(["罚款"], 0.5, "natural_person")).toBe(true);
    expect(disclosable(["警告", "罚款"], 0.02, "natural_person")).toBe(true);
  });
});

describe("isPenaltyDisclosable — DOMAIN §3: any other penalty type → disclosed", () => {
  for (const kind of ALL_KINDS) {
    it(`${kind}: each other type alone, and with 警告`, () => {
      for (const t of OTHERS) {
        expect(disclosable([t], null, kind), t).toBe(true);
        expect(disclosable(["警告", t], null, kind), `警告+${t}`).toBe(true);
      }
    });
  }
});

describe("isPenaltyDisclosable — the threshold is a setting (DOMAIN §3 'ours')", () => {
  it("uses the given threshold, not a hard-coded 1 万元", () => {
    expect(disclosable(["罚款"], 3, "legal_person", 5)).toBe(false);
    expect(disclosable(["罚款"], 5, "legal_person", 5)).toBe(true);
    expect(disclosable(["罚款"], 0.5, "legal_person", 0.1)).toBe(true);
    expect(disclosable(["罚款"], 0.01, "legal_person", 0)).toBe(true);
  });
});
