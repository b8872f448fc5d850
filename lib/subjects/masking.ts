// DOMAIN §2 (ours, after the Personal Information Protection Law): natural persons are shown masked everywhere public.

/** 张三 → 张*, 欧阳娜娜 → 欧***: the first character kept, every other one starred. */
export function maskPersonName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return "";
  return chars[0] + "*".repeat(chars.length - 1);
}

/** 360102199001011234 → 360102********1234: first 6 and last 4 kept, the 8 birth-date digits starred. */
export function maskIdNumber(id: string): string {
  const s = id.trim();
  if (s.length !== 18) return "*".repeat(s.length);
  return `${s.slice(0, 6)}********${s.slice(14)}`;
}

/** DOMAIN §2: a record is about a natural person when either its subject or its own counterpart category says so. */
export function isPersonRecord(r: { counterpartCategory?: unknown; subjectKind?: unknown }): boolean {
  return r.counterpartCategory === "natural_person" || r.subjectKind === "natural_person";
}
