import { compareDates, type IsoDate } from "../calendar/dates";

/**
 * Issue 22 §3 送达: how a notice reached its addressee. Reading it in the portal, an e-mail or SMS the gateway
 * accepted, or paper served by an officer (in person, by post, left at the address) with its date and a scan.
 */
export const SERVICE_METHODS = ["portal", "email", "sms", "in_person", "post", "left"] as const;
export type ServiceMethod = (typeof SERVICE_METHODS)[number];
export const SERVICE_METHOD_LABEL: Record<ServiceMethod, string> = {
  portal: "企业服务平台阅读",
  email: "电子邮件送达",
  sms: "短信送达",
  in_person: "直接送达",
  post: "邮寄送达",
  left: "留置送达",
};
/** What an officer records on paper; the electronic ones are recorded by the system as they happen. */
export const PAPER_METHODS = ["in_person", "post", "left"] as const satisfies readonly ServiceMethod[];
export type PaperMethod = (typeof PAPER_METHODS)[number];

/** The kinds of notice (issue 22 §3). */
export const NOTICE_KINDS = ["list_notice", "repair_decision", "objection_outcome"] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/**
 * A paper service as the officer records it: not before the notice was issued, not in the future. null when it
 * holds, else the reason.
 */
export function paperServiceProblem(servedOn: IsoDate, issuedOn: IsoDate, today: IsoDate): string | null {
  if (compareDates(servedOn, issuedOn) < 0) return `送达日期不能早于文书作出日期（${issuedOn}）。`;
  if (compareDates(servedOn, today) > 0) return "送达日期不能晚于今天。";
  return null;
}

/** Issue 22 §3: who records a paper service — an operator or reviewer of the case's own department. */
export const mayRecordService = (
  user: { roles: readonly string[]; departmentId: number | null },
  deptId: number,
) => user.departmentId === deptId && user.roles.some((r) => r === "operator" || r === "reviewer");
