import { NavLinks } from "@/components/nav-links";
import { currentUser } from "@/server/auth/guard";
import { getUnreadCount } from "@/server/queries/inbox";
import { businessSignOutAction } from "../actions";

const NAV = [
  { href: "/business", label: "我的信用" },
  { href: "/business/commitments/new", label: "作出信用承诺" },
  { href: "/business/self-reports/new", label: "自主申报" },
  { href: "/business/watchlist", label: "关注的主体" },
  { href: "/business/queries", label: "被查询记录" },
  { href: "/business/messages", label: "消息" },
  { href: "/repair", label: "信用修复指南" },
  { href: "/business/account", label: "账号安全" },
] as const;

/**
 * The portal's frame. Not its guard: every page calls requireBusiness itself — with its own address, so that signing
 * in returns to it (issue 21) — and a layout's redirect would win over the page's.
 */
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  const unread = user ? await getUnreadCount({ userId: user.id }) : 0;
  return (
    <>
      <nav aria-label="企业服务导航" className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4">
          <NavLinks
            items={NAV}
            linkClass="hover:bg-slate-100"
            inbox={{ href: "/business/messages", unread }}
          />
          <form action={businessSignOutAction} className="flex items-center gap-2 py-1 text-sm">
            <span className="text-slate-600">{user?.displayName}</span>
            <button type="submit" className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">
              退出
            </button>
          </form>
        </div>
      </nav>
      <main id="main" className="mx-auto max-w-5xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
