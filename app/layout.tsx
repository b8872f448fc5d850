import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "信用江西", template: "%s - 信用江西" },
  icons: { icon: "/favicon.ico" },
  description:
    "江西省公共信用信息服务平台：信用主体查询、行政许可和行政处罚双公示、红黑名单、信用承诺、信用修复与异议申诉。",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const large = (await cookies()).get("large-text")?.value === "1";
  return (
    <html lang="zh-CN" data-large={large ? "" : undefined}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">{children}</body>
    </html>
  );
}
