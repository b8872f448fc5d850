import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import { config } from "../config";
import { createPiiProtector } from "../pii";

// RFC 6238 defaults, which every authenticator app reads: SHA-1, 6 digits, 30 seconds.
const totpFor = (secretBase32: string, username: string) =>
  new TOTP({
    issuer: "信用江西",
    label: username,
    algorithm: "SHA1",
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secretBase32),
  });

const protector = () => createPiiProtector(config().piiKey);

export const newTotpSecret = () => new Secret({ size: 20 }).base32;

/** The secret is kept encrypted at rest, with the same key as ID numbers. */
export const sealTotpSecret = (secret: string) => protector().protect(secret).cipher;
export const openTotpSecret = (sealed: string) => protector().reveal(sealed);

/** Accepts the current code and one step either side, for clocks a little apart. */
export function verifyTotp(secretBase32: string, username: string, code: string): boolean {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return false;
  return totpFor(secretBase32, username).validate({ token, window: 1 }) !== null;
}

/** The otpauth:// URI as an SVG data URI, drawn here: the secret never leaves for a QR service. */
export async function totpQrDataUri(secretBase32: string, username: string): Promise<string> {
  const svg = await QRCode.toString(totpFor(secretBase32, username).toString(), {
    type: "svg",
    margin: 1,
    width: 200,
  });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

export const hashRecoveryCode = (code: string) =>
  createHash("sha256").update(code.replace(/[\s-]/g, "").toLowerCase()).digest("hex");

/** Ten one-time codes, shown once, for a lost phone. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: 10 }, () => {
    const hex = randomBytes(5).toString("hex");
    return `${hex.slice(0, 5)}-${hex.slice(5)}`;
  });
}
