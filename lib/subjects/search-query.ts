import { foldText } from "./fold";
import { nameGrams } from "./grams";
import { checkIdNumber } from "./id-number";
import { usccNeighbours } from "./near-miss";
import { pinyinReadings } from "./pinyin";
import { checkUscc, normalizeUscc } from "./uscc";

/** What a search box input asks for; every branch carries what the page needs to answer it. */
export type SearchQuery =
  | { kind: "empty" }
  | {
      kind: "invalid";
      message: string;
      /** valid codes one character away, offered under 「您是不是要找」 */
      neighbours?: string[];
      /** shaped like an ID number: never echoed, never put in a URL (DOMAIN §2) */
      personal?: true;
    }
  | { kind: "uscc"; code: string }
  | { kind: "id_number"; idNumber: string }
  | {
      kind: "initials";
      initials: string;
      /** what it stands for if some of it is full pinyin (nancsenhang → ncsh) */
      readings: string[];
    }
  | {
      kind: "name";
      /** as typed (NFKC, spaces collapsed): an exact name is listed first */
      text: string;
      /** folded fragments (lib/subjects/fold): a name must contain every one */
      fragments: string[];
      grams: string[];
    };

export const MAX_QUERY_CHARS = 50;

/** Name fragments are split at anything that is not a letter, digit or a character names are written with. */
const FRAGMENT_BREAK = /[^\p{L}\p{N}()·&.-]+/u;

export const NOTHING_TO_SEARCH = "请输入企业名称、名称中的字词、18 位统一社会信用代码或名称的拼音。";

/** An 18-digit input that is neither a valid USCC nor a valid ID number: said without repeating it. */
export const ID_SHAPED_INVALID =
  "输入的 18 位号码既不是有效的统一社会信用代码，也不是有效的身份证号码（校验位或出生日期不符），请核对后重新输入。为保护个人信息，该号码不会出现在地址栏或页面上。";

/**
 * Classifies a query: full USCC (any case, spaces, full-width tolerated), full ID number of a natural person,
 * pinyin initials (ncjs), or a Chinese name fragment of 2+ characters.
 */
export function parseSearchQuery(raw: string | null | undefined): SearchQuery {
  // NFKC folds full-width digits and letters (９１３６…) to ASCII; control characters are dropped
  const text = (raw ?? "")
    .normalize("NFKC")
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .replace(/\s+/g, " ")
    .trim();
  if (text.length === 0) return { kind: "empty" };
  if (Array.from(text).length > MAX_QUERY_CHARS) {
    return {
      kind: "invalid",
      message: `查询内容过长，请输入不超过 ${MAX_QUERY_CHARS} 个字的名称或 18 位代码。`,
    };
  }
  const compact = normalizeUscc(text);
  if (/^[0-9A-Z]{15,20}$/.test(compact) && /\d/.test(compact)) {
    if (checkUscc(compact).valid) return { kind: "uscc", code: compact };
    if (/^\d{17}[\dX]$/.test(compact)) {
      if (checkIdNumber(compact).valid) return { kind: "id_number", idNumber: compact };
      // no neighbours: they would carry most of what may be a person's ID number
      return { kind: "invalid", personal: true, message: ID_SHAPED_INVALID };
    }
    const uscc = checkUscc(compact);
    return {
      kind: "invalid",
      message: uscc.valid ? "代码无效" : `“${compact}”不是有效的统一社会信用代码：${uscc.reason}。`,
      neighbours: usccNeighbours(compact),
    };
  }
  const fragments = [
    ...new Set(
      foldText(text)
        .split(FRAGMENT_BREAK)
        .filter((f) => f.length > 0),
    ),
  ];
  if (fragments.length === 0) return { kind: "invalid", message: NOTHING_TO_SEARCH };
  // letters with nothing but spaces or commas between are pinyin (nan chang → nanchang)
  if (/^[a-z\s、，,;；]+$/.test(foldText(text))) {
    const initials = fragments.join("");
    if (initials.length < 2) return { kind: "invalid", message: "拼音首字母请至少输入 2 个，例如“ncjs”。" };
    return { kind: "initials", initials, readings: pinyinReadings(initials) };
  }
  if (Array.from(fragments.join("")).length < 2)
    return { kind: "invalid", message: "请至少输入 2 个字，例如“南昌”或“建设”。" };
  return { kind: "name", text, fragments, grams: [...new Set(fragments.flatMap(nameGrams))] };
}

/** Escapes LIKE's wildcards so that %, _ and \ in a query match themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Initials are read in pairs, each the initials of a two-character word, in order with anything between:
 * ncjs → 南昌…建设… Every pair is a gram of the initials' GIN index, so the search is index-backed.
 */
export function initialsChunks(initials: string): string[] {
  return initials.match(/.{1,2}/g) ?? [];
}

/** ncjs → %nc%js% */
export function initialsPattern(initials: string): string {
  return `%${initialsChunks(initials).join("%")}%`;
}
