import "server-only";
import { isPersonRecord, maskPersonName } from "@/lib/subjects/masking";
import { SUBJECT_KINDS, type SubjectKind } from "@/lib/subjects/subject-kinds";

/** How a subject is named and linked in public: natural persons masked and linked by their opaque id. */
export function publicSubjectRef(s: {
  kind: SubjectKind;
  name: string;
  uscc: string | null;
  publicId: string;
}) {
  const person = s.kind === "natural_person";
  return {
    code: person || !s.uscc ? s.publicId : s.uscc,
    name: person ? maskPersonName(s.name) : s.name,
    uscc: person ? null : s.uscc,
    kind: s.kind,
    kindLabel: SUBJECT_KINDS[s.kind],
  };
}

/** DOMAIN §2: a record's counterpart name as the public sees it. */
export function maskedCounterpart<
  T extends { counterpartName: string; counterpartCategory: string; subjectKind: string },
>(r: T): T {
  return isPersonRecord(r) ? { ...r, counterpartName: maskPersonName(r.counterpartName) } : r;
}
