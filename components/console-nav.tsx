import { ROLE_LABEL, type RoleName } from "@/lib/access/roles";
import { CONSOLE_NAV } from "@/lib/web/navigation";
import { NavLinks } from "./nav-links";

export function ConsoleNav({
  roles,
  displayName,
  department,
  unread,
  signOut,
}: {
  roles: readonly RoleName[];
  /** 站内信 not yet opened (issue 22 §2) */
  unread: number;
  displayName: string;
  department: string | null;
  signOut: () => Promise<void>;
}) {
  const items = CONSOLE_NAV.filter((n) => n.roles.some((r) => roles.includes(r)));
  return (
    <div className="bg-slate-800 text-slate-100 print:hidden">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-2 px-4">
        <nav aria-label="后台导航">
          <NavLinks
            items={items}
            linkClass="hover:bg-slate-700 focus-visible:bg-slate-700"
            inbox={{ href: "/admin/messages", unread }}
          />
        </nav>
        <div className="flex items-center gap-3 py-1 text-sm">
          <span>
            {displayName}
            <span className="ml-1 text-slate-400">
              {department ? `${department} · ` : ""}
              {roles.map((r) => ROLE_LABEL[r]).join("、")}
            </span>
          </span>
          <form action={signOut}>
            <button
              type="submit"
              className="shrink-0 whitespace-nowrap rounded border border-slate-500 px-2 py-1 hover:bg-slate-700"
            >
              退出
            </button>
          </form>
        </div>
      </div>
    </div>
  );
}
