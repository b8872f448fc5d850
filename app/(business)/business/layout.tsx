import type { Metadata } from "next";
import { connection } from "next/server";

// The business area: commitments, self-reported information, credit repair; each page guards itself.
export const metadata: Metadata = {
  title: { default: "企业服务", template: "%s - 信用江西企业服务" },
  robots: { index: false },
};

export default async function BusinessLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <div className="min-h-screen bg-slate-50">
      <header className="bg-brand-800 px-4 py-3 text-white">
        <span className="font-bold">信用江西</span> <span className="text-brand-100">企业服务</span>
      </header>
      <main id="main" className="mx-auto max-w-5xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
