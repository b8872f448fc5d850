"use client";

import "./globals.css";
import { ErrorNotice } from "@/components/error-notice";

export default function GlobalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <html lang="zh-CN">
      <body className="bg-slate-50 text-slate-900">
        <ErrorNotice digest={error.digest} onRetry={reset} />
      </body>
    </html>
  );
}
