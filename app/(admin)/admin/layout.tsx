import type { Metadata } from "next";
import { connection } from "next/server";

// The regulators' console: never indexed; every page under it calls the guard itself (issue: console).
export const metadata: Metadata = {
  title: { default: "管理后台", template: "%s - 信用江西管理后台" },
  robots: { index: false },
};

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <div className="min-h-screen bg-slate-100">
      <header className="bg-slate-900 px-4 py-3 text-white">
        <span className="font-bold">信用江西</span> <span className="text-slate-300">管理后台</span>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
