import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";

// The business area (issue 11): its own sign-in, registration and activation, and the signed-in portal.
export const metadata: Metadata = {
  title: { default: "企业服务", template: "%s - 信用江西企业服务" },
  robots: { index: false },
};

export default async function BusinessLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <div className="min-h-screen bg-slate-50">
      <header className="bg-brand-800 text-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <Link href="/business" className="flex items-center gap-2 text-lg font-bold">
            <span aria-hidden className="grid size-7 place-items-center rounded bg-seal text-sm">
              信
            </span>
            信用江西 <span className="font-normal text-brand-100">企业服务</span>
          </Link>
          <Link href="/" className="text-sm text-brand-100 hover:underline">
            返回信用江西首页
          </Link>
        </div>
      </header>
      {children}
    </div>
  );
}
