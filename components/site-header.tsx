import Link from "next/link";
import { PUBLIC_NAV } from "@/lib/web/navigation";
import { LargeTextToggle } from "./large-text-toggle";
import { NavLinks } from "./nav-links";

export function SiteHeader({ demo, largeText = false }: { demo: boolean; largeText?: boolean }) {
  return (
    <header className="bg-brand-800 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 text-xl font-bold tracking-wide">
          <span aria-hidden className="grid size-8 place-items-center rounded bg-seal text-base">
            信
          </span>
          信用江西
        </Link>
        <div className="flex items-center gap-2">
          {demo && (
            <span
              className="rounded border border-amber-300 bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900"
              title="本站当前载入的是虚构的演示数据，不代表任何真实主体的信用状况"
            >
              演示数据
            </span>
          )}
          <LargeTextToggle initial={largeText} />
        </div>
      </div>
      <nav aria-label="主导航" className="bg-brand-900">
        <NavLinks
          items={PUBLIC_NAV}
          listClass="mx-auto flex max-w-6xl flex-wrap gap-x-1 px-2 text-[0.9375rem]"
          linkClass="hover:bg-brand-700 focus-visible:bg-brand-700"
        />
      </nav>
    </header>
  );
}
