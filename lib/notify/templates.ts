/**
 * Issue 22: what a message says, per template and channel. A template names its fields as {name}; the payload a
 * caller passes must have every one (a compile-time error otherwise: `PayloadOf`), and `render` refuses a stored
 * payload that lacks one. SMS texts are short, signed 【信用江西】, and name the case number (and the deadline where
 * there is one).
 */
type Fields<S extends string> = S extends `${string}{${infer F}}${infer R}` ? F | Fields<R> : never;

export type MessageText = {
  /** the 站内信 title and the e-mail subject */
  title: string;
  /** the 站内信 and e-mail body */
  body: string;
  sms: string;
};

const template = <const T extends MessageText>(t: T) => t;

export const TEMPLATES = {
  /** DOMAIN §5: the 告知 of a proposed negative listing; the defence period counts from its service */
  list_notice: template({
    title: "信用告知书（{caseNo}）：拟将贵单位列入{listName}",
    body:
      "信用告知书 {caseNo}\n{deptName}拟将贵单位列入“{listName}”。事实：{facts}\n依据：{basis}\n" +
      "贵单位享有陈述、申辩的权利，请于本告知书送达之日起 {days} 个工作日内登录“信用江西”企业服务提交陈述申辩。" +
      "逾期未提出的，视为放弃陈述、申辩的权利。",
    sms: "【信用江西】{deptName}拟将贵单位列入{listName}（{caseNo}），请于送达之日起{days}个工作日内登录信用江西企业服务查看告知书并陈述申辩。",
  }),
  list_published: template({
    title: "认定决定（{caseNo}）：贵单位已列入{listName}",
    body: "{deptName}已于 {on} 认定并公布（{caseNo}）：贵单位列入“{listName}”，有效期至 {validUntil}。{note}",
    sms: "【信用江西】贵单位已被认定列入{listName}（{caseNo}），有效期至{validUntil}，详情请登录信用江西企业服务查看。",
  }),
  list_dropped: template({
    title: "不予认定（{caseNo}）：{listName}",
    body: "{deptName}已于 {on} 决定不将贵单位列入“{listName}”（{caseNo}）。{note}",
    sms: "【信用江西】{deptName}决定不将贵单位列入{listName}（{caseNo}）。",
  }),
  list_removed: template({
    title: "移出名单（{caseNo}）：{listName}",
    body: "贵单位已于 {on} 移出“{listName}”（{caseNo}）。{note}",
    sms: "【信用江西】贵单位已移出{listName}（{caseNo}）。",
  }),
  /** a step of a business's own case (repair, commitment, self-report) */
  case_step: template({
    title: "{kindTitle}（{caseNo}）：{stateLabel}",
    body: "您的{kindTitle}（{caseNo}）已于 {on} {stateLabel}。{note}",
    sms: "【信用江西】您的{kindTitle}（{caseNo}）{stateLabel}，详情请登录信用江西企业服务查看。",
  }),
  /** a case anyone files (an objection, a report): each step, to the contact its filer left (DOMAIN §8) */
  public_step: template({
    title: "{kindTitle}（{caseNo}）：{stateLabel}",
    body: "您提出的{kindTitle}（{caseNo}）已于 {on} {stateLabel}。{note}\n可凭案号和查询码在“信用江西”{kindTitle}查询中查看。",
    sms: "【信用江西】您的{kindTitle}{caseNo}{stateLabel}，可凭案号和查询码在信用江西查看。",
  }),
  /** an objection about a business's record, told to that business at its outcome */
  objection_outcome: template({
    title: "异议处理结果（{caseNo}）：{stateLabel}",
    body: "对贵单位记录“{record}”提出的异议（{caseNo}）已于 {on} 办结：{stateLabel}。{note}",
    sms: "【信用江西】对贵单位记录的异议{caseNo}已办结：{stateLabel}。",
  }),
  /** a reviewer's new case in the queue */
  case_queued: template({
    title: "新的待办：{kindTitle}（{caseNo}）",
    body: "{subjectName}的{kindTitle}（{caseNo}）已进入本部门待办，办理时限至 {due}。",
    sms: "【信用江西】新的{kindTitle}待办{caseNo}，办理时限至{due}。",
  }),
  /** one message per reviewer a day: the cases with 2 working days or fewer left (issue 22 §4) */
  deadline_digest: template({
    title: "临期提醒：{count} 件办件 2 个工作日内到期或已逾期",
    body: "以下办件将在 2 个工作日内到期（{day}）：\n{lines}",
    sms: "【信用江西】您有{count}件办件2个工作日内到期（含{caseNo}），请及时办理。",
  }),
  /** joint checks whose 成效反馈 is due within 2 working days or overdue (issue 23 §1), once a day */
  check_feedback_due: template({
    title: "联合奖惩反馈提醒：{count} 次核查待反馈",
    body: "以下联合奖惩核查命中了措施，请在期限内反馈执行情况（{day}）：\n{lines}",
    sms: "【信用江西】您有{count}次联合奖惩核查待反馈执行情况（含{caseNo}），请及时办理。",
  }),
  /** a new public record or list change of a followed subject (the webhook's text) */
  follow_record: template({
    title: "关注的主体：{subjectName}{what}",
    body: "{subjectName}（{uscc}）{what}：{caseNo}，{on}。详见 {url}",
    sms: "【信用江西】您关注的{subjectName}{what}（{caseNo}）。",
  }),
  /** a follower's webhook that keeps failing (issue 22 §2) */
  webhook_paused: template({
    title: "推送地址已暂停：{url}",
    body: "推送地址 {url} 连续 {failures} 次投递失败，已暂停推送。最后一次失败：{reason}\n修复后请在“关注的主体”中恢复推送。",
    sms: "【信用江西】您的推送地址连续{failures}次投递失败，已暂停，请登录信用江西处理。",
  }),
  /** an address being verified (issue 22 §2): it names no case */
  verify_code: template({
    title: "信用江西验证码：{code}",
    body: "您正在将本地址设为“信用江西”{account}的通知地址。验证码：{code}，10 分钟内有效。如非本人操作，请忽略本邮件。",
    sms: "【信用江西】验证码{code}，用于将本号码设为{account}的通知号码，10分钟内有效。如非本人操作请忽略。",
  }),
} as const satisfies Record<string, MessageText>;

export type TemplateName = keyof typeof TEMPLATES;
type TextOf<N extends TemplateName> = (typeof TEMPLATES)[N][keyof MessageText];
export type FieldOf<N extends TemplateName> = Fields<TextOf<N>>;
export type PayloadOf<N extends TemplateName> = Record<FieldOf<N>, string | number>;

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** The fields a template's texts name. */
export function fieldsOf(name: TemplateName): string[] {
  const t: MessageText = TEMPLATES[name];
  return [
    ...new Set([t.title, t.body, t.sms].flatMap((s) => [...s.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ""))),
  ];
}

export class MissingField extends Error {}

/** The texts with every field filled; a field absent from the payload is an error, never an empty hole. */
export function render(name: string, payload: Record<string, unknown>): MessageText {
  const t: MessageText | undefined = (TEMPLATES as Record<string, MessageText>)[name];
  if (!t) throw new MissingField(`unknown template ${name}`);
  const fill = (s: string) =>
    s.replace(PLACEHOLDER, (_, f: string) => {
      const v = payload[f];
      if (v === undefined || v === null) throw new MissingField(`template ${name} needs ${f}`);
      return String(v);
    });
  return { title: fill(t.title), body: fill(t.body), sms: fill(t.sms) };
}

/** Typed at the call site: the payload must carry every field the template names. */
export function message<N extends TemplateName>(name: N, payload: PayloadOf<N>) {
  return { template: name, payload: payload as Record<string, string | number> };
}
