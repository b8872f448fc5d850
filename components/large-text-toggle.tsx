"use client";

import { useState } from "react";

const COOKIE = "large-text";

/** 大字版: larger text and stronger contrast for older readers, remembered per browser (cookie, read by the server). */
export function LargeTextToggle({ initial }: { initial: boolean }) {
  const [on, setOn] = useState(initial);
  const toggle = () => {
    const next = !on;
    setOn(next);
    document.documentElement.toggleAttribute("data-large", next);
    // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is not in every browser older readers use
    document.cookie = `${COOKIE}=${next ? "1" : "0"}; path=/; max-age=31536000; samesite=lax`;
    try {
      localStorage.setItem(COOKIE, next ? "1" : "0");
    } catch {}
  };
  return (
    <button
      type="button"
      onClick={toggle}
      aria-pressed={on}
      className="rounded border border-white/60 px-2 py-0.5 text-sm text-white hover:bg-white/10"
    >
      {on ? "标准版" : "大字版"}
    </button>
  );
}
