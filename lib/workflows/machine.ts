/**
 * The one shape of every case (STYLE "One shape for every case"; README "Workflows"): states, events, who may
 * fire each, and guards, as data; `transition` is the only judge of whether a step is allowed. Pure: the
 * caller passes the actor and the time, and writes what the machine returns.
 */
export type WorkflowActor = {
  id: number | null;
  roles: readonly string[];
  departmentId: number | null;
};

/** The process itself (an import job's runner): no person fires its events. */
export const SYSTEM: WorkflowActor = { id: null, roles: ["system"], departmentId: null };

export type Rule<S extends string, C> = {
  from: readonly S[];
  to: S;
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
