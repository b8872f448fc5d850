import { describe, expect, it } from "vitest";
import {
  ACTIVATION_CODE_DAYS,
  ACTIVATION_REFUSED,
  activationCodeFromBytes,
  activationCodeProblem,
  type IssuedCode,
  normalizeActivationCode,
  REGISTRATION_RECEIVED,
  REGISTRATION_VALID_DAYS,
  registrationLabel,
  registrationOpen,
  trackingSecretFromBytes,
} from "./activation-code";

// DOMAIN §1: the USCC alphabet (GB 32100-2015), no I, O, S, V, Z; issue 11 §1 takes it for the code.
const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CODE = /^[0-9A-HJ-NPQRTUWXY]{4}-[0-9A-HJ-NPQRTUWXY]{4}$/;

describe("activationCodeFromBytes — issue 11 §1: XXXX-XXXX from the USCC alphabet", () => {
  it("maps bytes to symbols by their value modulo 31", () => {
    expect(activationCodeFromBytes(Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7]))).toBe("0123-4567");
    // 31→0 '0', 32→1 '1', 61→30 'Y', 62→0 '0', 255→7 '7', 30 'Y', 10 'A', 40→9 '9'
    expect(activationCodeFromBytes(Uint8Array.from([31, 32, 61, 62, 255, 30, 10, 40]))).toBe("01Y0-7YA9");
  });

  it("never yields I, O, S, V or Z, whatever the byte", () => {
    for (let b = 0; b < 256; b++) {
      const code = activationCodeFromBytes(new Uint8Array(8).fill(b));
      expect(code, String(b)).toMatch(CODE);
      expect(code, String(b)).not.toMatch(/[IOSVZ]/);
    }
  });

  it("reaches every one of the 31 symbols", () => {
    const seen = new Set<string>();
    for (let b = 0; b < 256; b++)
      for (const ch of activationCodeFromBytes(new Uint8Array(8).fill(b))) seen.add(ch);
    seen.delete("-");
    expect([...seen].sort().join("")).toBe([...USCC_ALPHABET].sort().join(""));
  });

  it("uses the first 8 of more bytes", () => {
    expect(activationCodeFromBytes(Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]))).toBe("0123-4567");
  });

  it.each([0, 1, 7])("throws RangeError on %i bytes", (n) => {
    expect(() => activationCodeFromBytes(new Uint8Array(n))).toThrow(RangeError);
  });
});

describe("normalizeActivationCode — what the holder typed, in the form that was hashed", () => {
  it("upper-cases and drops dashes and spaces", () => {
    expect(normalizeActivationCode("ab12-cd34")).toBe("AB12CD34");
    expect(normalizeActivationCode(" ab12 cd34 ")).toBe("AB12CD34");
    expect(normalizeActivationCode("AB12\t-\nCD34")).toBe("AB12CD34");
  });

  it("a shown code and the code typed back without its dash normalise alike", () => {
    const shown = activationCodeFromBytes(Uint8Array.from([10, 20, 30, 40, 50, 60, 70, 80]));
    expect(normalizeActivationCode(shown)).toBe(
      normalizeActivationCode(shown.replace("-", "").toLowerCase()),
    );
    expect(normalizeActivationCode(shown)).toHaveLength(8);
  });
});

describe("activationCodeProblem — issue 11 §1: valid 7 days, used once; a new code revokes older ones", () => {
  const issuedAt = new Date("2026-03-02T02:00:00Z");
  const expiresAt = new Date("2026-03-09T02:00:00Z"); // issuedAt + 7 days, written out
  const fresh: IssuedCode = { expiresAt, usedAt: null, revokedAt: null };
  const during = new Date("2026-03-05T09:30:00Z");

  it("the validity is 7 days", () => {
    expect(ACTIVATION_CODE_DAYS).toBe(7);
    expect(expiresAt.getTime() - issuedAt.getTime()).toBe(ACTIVATION_CODE_DAYS * 86_400_000);
  });

  it("a valid code within its week: no problem", () => {
    expect(activationCodeProblem(fresh, during)).toBeNull();
    expect(activationCodeProblem(fresh, issuedAt)).toBeNull();
    expect(activationCodeProblem(fresh, new Date(expiresAt.getTime() - 1))).toBeNull();
  });

  it("an unknown code is refused", () => {
    expect(activationCodeProblem(undefined, during)).toMatch(/激活码/);
  });

  it("a used code is refused: used once", () => {
    expect(activationCodeProblem({ ...fresh, usedAt: issuedAt }, during)).toMatch(/已使用/);
  });

  it("a revoked code is refused", () => {
    expect(activationCodeProblem({ ...fresh, revokedAt: issuedAt }, during)).toMatch(/作废/);
  });

  it("an expired code is refused — exactly at expiry counts as expired", () => {
    expect(activationCodeProblem(fresh, expiresAt)).toMatch(/过期/);
    expect(activationCodeProblem(fresh, new Date(expiresAt.getTime() + 1))).toMatch(/过期/);
  });

  it("each refusal says its own reason", () => {
    const reasons = [
      activationCodeProblem(undefined, during),
      activationCodeProblem({ ...fresh, usedAt: issuedAt }, during),
      activationCodeProblem({ ...fresh, revokedAt: issuedAt }, during),
      activationCodeProblem(fresh, expiresAt),
    ];
    expect(new Set(reasons).size).toBe(4);
  });
});

describe("trackingSecretFromBytes — DOMAIN §8: the objector's secret, typed back without an account", () => {
  it("is 12 symbols of the same alphabet in three groups, normalised the same way as activation codes", () => {
    const s = trackingSecretFromBytes(Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]));
    expect(s).toBe("0123-4567-89AB");
    expect(normalizeActivationCode(s.toLowerCase())).toBe("0123456789AB");
  });
  it("needs 12 random bytes", () => {
    expect(() => trackingSecretFromBytes(new Uint8Array(8))).toThrow(RangeError);
  });
});

describe("registrations — issue 20 N7: a pending registration claims nothing and runs out", () => {
  const now = new Date("2026-12-04T02:00:00Z");
  const day = 86_400_000;
  it("is open while pending and within its 30 days", () => {
    expect(registrationOpen({ status: "pending", expiresAt: new Date(now.getTime() + day) }, now)).toBe(true);
    expect(registrationOpen({ status: "pending", expiresAt: new Date(now.getTime() - 1) }, now)).toBe(false);
    expect(registrationOpen({ status: "rejected", expiresAt: new Date(now.getTime() + day) }, now)).toBe(
      false,
    );
    expect(REGISTRATION_VALID_DAYS).toBe(30);
  });
  it("labels a pending registration past its time as expired", () => {
    expect(registrationLabel({ status: "pending", expiresAt: new Date(now.getTime() - 1) }, now)).toBe(
      "已失效",
    );
    expect(registrationLabel({ status: "pending", expiresAt: new Date(now.getTime() + day) }, now)).toBe(
      "待激活",
    );
    expect(registrationLabel({ status: "rejected", expiresAt: new Date(now.getTime() + day) }, now)).toBe(
      "已驳回",
    );
  });
  it("answers registration and activation without telling whether the company has an account", () => {
    expect(REGISTRATION_RECEIVED).not.toMatch(/已注册/);
    expect(ACTIVATION_REFUSED).not.toMatch(/无需激活|已注册/);
  });
});
