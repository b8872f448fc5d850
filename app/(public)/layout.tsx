import { cookies } from "next/headers";
import { connection } from "next/server";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { isDemoDataLoaded } from "@/server/queries/home";

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  await connection(); // read the database per request, never at build time
  const demo = await isDemoDataLoaded();
  const largeText = (await cookies()).get("large-text")?.value === "1";
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
      >
        跳到主要内容
      </a>
      <SiteHeader demo={demo} largeText={largeText} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
      <SiteFooter demo={demo} />
    </>
  );
}
