import { createHash } from "node:crypto";
import { normalizeActivationCode } from "@/lib/access/activation-code";

/** An objector's tracking secret as stored: sha-256 of what they would type, dashes and case aside. */
export const hashTrackingSecret = (secret: string) =>
  createHash("sha256").update(normalizeActivationCode(secret)).digest("hex");
