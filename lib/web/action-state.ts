/** What every console action returns to its form (STYLE §2): a message, and per-field messages on failure. */
export type ActionState =
  | { ok: true; message: string; data?: Record<string, unknown> }
  | {
      ok: false;
      message: string;
      fieldErrors?: Record<string, string>;
      /** what was submitted, so the form shows it again after React resets it */
      values?: Record<string, string | string[]>;
    }
  | null;

/** What a sign-in form shows after an attempt: a message, and whether the second factor is now asked for. */
export type LoginState = { message: string; needTotp?: boolean; fieldErrors?: Record<string, string> } | null;
