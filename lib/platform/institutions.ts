import type { IsoDate } from "../calendar/dates";
import { DATA_CLASSES, type DataClass } from "./catalogue";

/**
 * Authorised query access (Jilin plan 查询权限; issue 23 §2): a bank or a tender agency reads beyond the public view
 * only under a written authorisation, for the purposes and data classes it names, until it lapses.
 */
export const INSTITUTION_KINDS = {
  bank: "银行业金融机构",
  tender_agency: "招标代理机构",
  guarantee: "融资担保机构",
  other: "其他经授权机构",
} as const;
export type InstitutionKind = keyof typeof INSTITUTION_KINDS;
export const INSTITUTION_KIND_KEYS = Object.keys(INSTITUTION_KINDS) as [
  InstitutionKind,
  ...InstitutionKind[],
];

export const PURPOSES = {
  loan: "贷款审批",
  credit_line: "授信管理",
  tender: "招标投标资格审查",
  guarantee: "融资担保审查",
  post_loan: "贷后管理",
} as const;
export type Purpose = keyof typeof PURPOSES;
export const PURPOSE_KEYS = Object.keys(PURPOSES) as [Purpose, ...Purpose[]];

export type Authorisation = {
  active: boolean;
  authorisedUntil: IsoDate;
  purposes: readonly string[];
  dataClasses: readonly string[];
};

/** Why a query may not run under this authorisation, or null: lapsed, withdrawn, or a purpose it does not name. */
export function queryProblem(a: Authorisation, purpose: string, today: IsoDate): string | null {
  if (!a.active) return "该机构的查询授权已撤销。";
  if (a.authorisedUntil < today) return `该机构的查询授权已于 ${a.authorisedUntil} 到期，请重新办理授权。`;
  if (!a.purposes.includes(purpose))
    return `授权范围不含查询用途“${PURPOSES[purpose as Purpose] ?? purpose}”（授权用途：${a.purposes
      .map((p) => PURPOSES[p as Purpose] ?? p)
      .join("、")}）。`;
  return null;
}

/** The data classes an authorisation covers, as the catalogue names them (unknown names are ignored). */
export const authorisedClasses = (a: Pick<Authorisation, "dataClasses">): DataClass[] =>
  a.dataClasses.filter((c): c is DataClass => c in DATA_CLASSES);
