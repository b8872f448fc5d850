import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";
import { maskIdNumber } from "@/lib/subjects/masking";

/**
 * DOMAIN §1: a natural person's ID number must be matchable but never shown whole outside the console.
 * Matching uses a keyed digest; the console's need-to-know view decrypts an AES-256-GCM copy.
 */
export function createPiiProtector(key: string) {
  const hmacKey = createHash("sha256").update(`digest:${key}`).digest();
  const encKey = createHash("sha256").update(`encrypt:${key}`).digest();
  const digest = (id: string) => createHmac("sha256", hmacKey).update(id).digest("hex");
  return {
    digest,
    protect(id: string) {
      const iv = randomBytes(12);
      const c = createCipheriv("aes-256-gcm", encKey, iv);
      const body = Buffer.concat([c.update(id, "utf8"), c.final()]);
      const cipher = Buffer.concat([iv, c.getAuthTag(), body]).toString("base64");
      return { digest: digest(id), cipher, masked: maskIdNumber(id) };
    },
    reveal(cipher: string): string {
      const raw = Buffer.from(cipher, "base64");
      const d = createDecipheriv("aes-256-gcm", encKey, raw.subarray(0, 12));
      d.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString("utf8");
    },
  };
}
