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
  /** an objection's steps, to the contact its objector left (DOMAIN §8) */
  objection_step: template({
    title: "异议（{caseNo}）：{stateLabel}",
    body: "您提出的异议（{caseNo}）已于 {on} {stateLabel}。{note}\n可凭案号和查询码在“信用江西”异议查询中查看。",
    sms: "【信用江西】您的异议{caseNo}{stateLabel}，可凭案号和查询码在信用江西查看。",
  }),
  /** an objection about a business's record, told to that business at its outcome */
  objection_outcome: template({
    title: "异议处理结果（{caseNo}）：{stateLabel}",
    body: "对贵单位记录“{record}”提出的异议（{caseNo}）已于 {on} 办结：{stateLabel}。{note}",
    sms: "【信用江西】对贵单位记录的异议{caseNo}已办结：{stateLabel}。",
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
