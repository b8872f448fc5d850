import { pinyinInitials } from "./pinyin";

const LEGAL_FORM = /(股份有限公司|有限责任公司|有限公司|集团|分公司|专业合作社|合伙企业)$/;

/**
 * Issue 21: the home page's search examples are taken from a subject the portal holds, so each one finds it: the
 * name's own words (the legal form, a trailing （演示） and the place prefix dropped: 东湖区恒泰建材有限公司 →
 * 恒泰建材) and their pinyin initials. null when the name leaves fewer than 2 characters.
 */
export function searchExampleOf(name: string): { words: string; initials: string } | null {
  let core = name.replace(/（[^）]*）$/, "").trim();
  // 集团有限公司: every legal-form word at the end, not only the last
  while (LEGAL_FORM.test(core)) core = core.replace(LEGAL_FORM, "");
  const words = [...core].slice(-4).join("");
  if ([...words].length < 2) return null;
  return { words, initials: pinyinInitials(words) };
}
