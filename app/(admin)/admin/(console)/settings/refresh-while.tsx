"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Re-reads the page every two seconds while a job runs, so its progress moves without a reload. */
export function RefreshWhile({ active }: { active: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(t);
  }, [active, router]);
  return null;
}
