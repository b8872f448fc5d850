import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";

// The regulators' console: never indexed; every page under it calls the guard itself.
export const metadata: Metadata = {
  title: { default: "管理后台", template: "%s - 信用江西管理后台" },
  robots: { index: false },
};

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <div className="min-h-screen bg-slate-100">
      <header className="bg-slate-900 px-4 py-3 text-white print:hidden">
        <div className="mx-auto flex max-w-7xl items-center justify-between">
          <Link href="/admin" className="font-bold">
            信用江西 <span className="font-normal text-slate-300">管理后台</span>
          </Link>
          <Link href="/" className="text-sm text-slate-300 hover:text-white">
            返回门户
          </Link>
        </div>
      </header>
      {children}
    </div>
  );
}
