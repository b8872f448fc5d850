import { saveActAction, saveLicenceAction, savePenaltyAction } from "./actions";

export const KINDS = ["penalty", "licence", "act"] as const;
export type Kind = (typeof KINDS)[number];
export const parseKind = (v: string | undefined): Kind | null => KINDS.find((k) => k === v) ?? null;
export const SAVE_ACTION = {
  penalty: savePenaltyAction,
  licence: saveLicenceAction,
  act: saveActAction,
} as const;
