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
