/**
 * DOMAIN §7 materials: the 信用修复申请书, written from what the applicant filled in, so the reviewer reads one
 * document in the usual form and the applicant keeps a copy of exactly what was filed.
 */
export type RepairApplication = {
  subjectName: string;
  uscc: string | null;
  record: string;
  statement: string;
  contactName: string;
  phone: string;
  signerName: string;
  date: string;
};

export function repairApplicationText(a: RepairApplication): string {
  return [
    "信用修复申请书",
    "",
    `申请人：${a.subjectName}${a.uscc ? `（统一社会信用代码：${a.uscc}）` : ""}`,
    `申请修复的失信信息：${a.record}`,
    "",
    "纠正失信行为、履行法定义务的情况：",
    a.statement,
    "",
    "本单位承诺：以上情况属实，所附证明材料真实、有效；如有虚假，自愿承担相应法律责任，并同意撤销信用修复结果。",
    "",
    `联系人：${a.contactName}　联系电话：${a.phone}`,
    `申请人（签章）：${a.signerName}`,
    `申请日期：${a.date}`,
  ].join("\n");
}
