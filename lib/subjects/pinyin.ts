import { pinyin } from "pinyin-pro";

/**
 * Lower-case pinyin initials of a name (南昌建设 → ncjs), for searching by initials.
 * Latin letters and digits are kept as they are; punctuation is dropped.
 */
export function pinyinInitials(name: string): string {
  return pinyin(name, { pattern: "first", toneType: "none", type: "array", nonZh: "consecutive" })
    .join("")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}
