"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** Tabs of one console section; the current one is marked for screen readers too. */
export function SubNav({ label, tabs }: { label: string; tabs: { href: string; label: string }[] }) {
  const path = usePathname();
  // the section's first tab is its root: current only on itself, not on every page below it
  const current = [...tabs]
    .sort((a, b) => b.href.length - a.href.length)
    .find((t) => path === t.href || (t !== tabs[0] && path.startsWith(`${t.href}/`)));
  return (
    <nav aria-label={label} className="flex flex-wrap gap-1 border-b border-slate-300">
      {tabs.map((t) => {
        const on = t === current;
        return (
          <Link
            key={t.href}
            href={t.href}
            aria-current={on ? "page" : undefined}
            className={`whitespace-nowrap px-3 py-2 text-sm ${on ? "border-b-2 border-brand-700 font-bold text-brand-800" : "text-slate-600 hover:text-slate-900"}`}
          >
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
