import { createHash, timingSafeEqual } from "node:crypto";
import { normalizeActivationCode } from "@/lib/access/activation-code";

/** An objector's tracking secret as stored: sha-256 of what they would type, dashes and case aside. */
export const hashTrackingSecret = (secret: string) =>
  createHash("sha256").update(normalizeActivationCode(secret)).digest("hex");

/** A stored hash against a given one in constant time; a missing case compares like a wrong secret. */
export function trackingSecretMatches(storedHash: string | undefined, givenHash: string): boolean {
  const stored = Buffer.from(storedHash ?? "0".repeat(64), "hex");
  const given = Buffer.from(givenHash, "hex");
  return storedHash !== undefined && stored.length === given.length && timingSafeEqual(stored, given);
}
