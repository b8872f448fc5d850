/** DOMAIN §1: the kinds of 信用主体. Database enum values are these keys. */
export const SUBJECT_KINDS = {
  legal_person: "企业法人",
  unincorporated: "非法人企业",
  individual_business: "个体工商户",
  farmer_coop: "农民专业合作社",
  social_org: "社会组织",
  institution: "事业单位",
  government: "机关",
  natural_person: "自然人",
} as const;

export type SubjectKind = keyof typeof SUBJECT_KINDS;

export const SUBJECT_KIND_KEYS = Object.keys(SUBJECT_KINDS) as [SubjectKind, ...SubjectKind[]];
