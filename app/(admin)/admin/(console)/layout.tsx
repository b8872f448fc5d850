import { ConsoleNav } from "@/components/console-nav";
import { requireUser } from "@/server/auth/guard";
import { getDepartments } from "@/server/queries/departments";
import { getUnreadCount } from "@/server/queries/inbox";
import { signOutAction } from "./actions";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const [departments, unread] = await Promise.all([getDepartments(), getUnreadCount({ userId: user.id })]);
  const department = departments.find((d) => d.id === user.departmentId)?.name ?? null;
  return (
    <>
      <ConsoleNav
        roles={user.roles}
        displayName={user.displayName}
        department={department}
        unread={unread}
        signOut={signOutAction}
      />
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
