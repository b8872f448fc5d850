import { SubNav } from "@/components/sub-nav";
import { PLATFORM_TABS } from "@/lib/web/navigation";
import { requireUser } from "@/server/auth/guard";

/** 部门协同 (issue 23): the tabs this user's roles open; each page still checks its own. */
export default async function PlatformLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const tabs = PLATFORM_TABS.filter((t) => t.roles.some((r) => user.roles.includes(r))).map(
    ({ href, label }) => ({
      href,
      label,
    }),
  );
  return (
    <div className="space-y-4">
      <SubNav label="部门协同" tabs={tabs} />
      {children}
    </div>
  );
}
