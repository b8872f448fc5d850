/**
 * The one shape of every case (STYLE "One shape for every case"; README "Workflows"): states, events, who may
 * fire each, and guards, as data; `transition` is the only judge of whether a step is allowed. Pure: the
 * caller passes the actor and the time, and writes what the machine returns.
 */
export type WorkflowActor = {
  id: number | null;
  roles: readonly string[];
  departmentId: number | null;
  /** a business account's own subject */
  subjectId?: number | null;
};

/** The process itself (an import job's runner): no person fires its events. */
export const SYSTEM: WorkflowActor = { id: null, roles: ["system"], departmentId: null };

export type Rule<S extends string, C> = {
  from: readonly S[];
  to: S;
  /** the button (Chinese) */
  label: string;
  /** the step needs a written reason: what to call it (请填写…) */
  reason?: string;
  /** a consequential step is confirmed first: what it makes public or takes away */
  confirm?: string;
  /** the roles the step is offered to (default: every person); others are not shown it at all */
  offeredTo?: readonly string[];
  /** null when `actor` may fire the event on this case, else why not (Chinese, shown to the user) */
  who: (actor: WorkflowActor, c: C) => string | null;
  /** null when the case allows it now, else why not */
  guard?: (c: C, now: Date) => string | null;
};

export type Machine<S extends string, E extends string, C extends { state: S }> = {
  name: string;
  states: readonly S[];
  labels: Record<S, string>;
  /** states no event leaves */
  final: readonly S[];
  events: Record<E, Rule<S, C>>;
};

export type Transition<S extends string> =
  | { ok: true; from: S; next: S }
  | { ok: false; code: "state" | "actor" | "guard"; refused: string };

export function transition<S extends string, E extends string, C extends { state: S }>(
  m: Machine<S, E, C>,
  c: C,
  event: E,
  actor: WorkflowActor,
  now: Date,
): Transition<S> {
  const rule = m.events[event];
  if (!rule.from.includes(c.state))
    return { ok: false, code: "state", refused: `当前状态为“${m.labels[c.state]}”，不能再执行此操作。` };
  const notYou = rule.who(actor, c);
  if (notYou) return { ok: false, code: "actor", refused: notYou };
  const notNow = rule.guard?.(c, now);
  if (notNow) return { ok: false, code: "guard", refused: notNow };
  return { ok: true, from: c.state, next: rule.to };
}

export const onlySystem = (actor: WorkflowActor) =>
  actor.roles.includes("system") ? null : "此步骤由系统自动执行。";

/** What a person sees for one event of a case: the button, or why it is not possible now. */
export type EventOption<E extends string> = {
  event: E;
  label: string;
  reason: string | null;
  confirm: string | null;
  /** null when the actor may fire it now, else the machine's own reason (Chinese) */
  refused: string | null;
};

/**
 * The events that leave the case's state, each with the machine's verdict for this actor now: pages show the
 * allowed ones as buttons and the refusals as text, and never work out permissions or from-states themselves.
 * Steps only the process takes are not offered to a person.
 */
export function availableEvents<S extends string, E extends string, C extends { state: S }>(
  m: Machine<S, E, C>,
  c: C,
  actor: WorkflowActor,
  now: Date,
): EventOption<E>[] {
  return (Object.keys(m.events) as E[]).flatMap((event) => {
    const rule = m.events[event];
    if (!rule.from.includes(c.state) || rule.who === onlySystem) return [];
    if (rule.offeredTo && !rule.offeredTo.some((r) => actor.roles.includes(r))) return [];
    const t = transition(m, c, event, actor, now);
    return [
      {
        event,
        label: rule.label,
        reason: rule.reason ?? null,
        confirm: rule.confirm ?? null,
        refused: t.ok ? null : t.refused,
      },
    ];
  });
}

/** The events a person may fire on this machine (for an action's input schema). */
export const personEvents = <E extends string>(m: { events: Record<E, { who: unknown }> }): [E, ...E[]] =>
  (Object.keys(m.events) as E[]).filter((e) => m.events[e].who !== onlySystem) as [E, ...E[]];

/** A step that needs a written reason refuses an empty one, in the words of its rule. */
export function missingReason<E extends string>(
  m: { events: Record<E, { reason?: string }> },
  event: E,
  note: string | null | undefined,
): string | null {
  const reason = m.events[event].reason;
  return reason && !note?.trim() ? `请填写${reason}。` : null;
}
