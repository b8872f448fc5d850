"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { parseSearchQuery } from "@/lib/subjects/search-query";
import { queryString } from "@/lib/web/query-string";
import { findPublicIdByIdNumber } from "@/server/queries/search";

const input = z.object({
  q: z.string().max(1000).default(""),
  kind: z.string().max(32).optional(),
  region: z.string().max(6).optional(),
});

/**
 * Public search submission (no sign-in: anyone may search). Posting keeps an ID number out of every URL,
 * log and history entry (DOMAIN §2): it goes to the person's opaque profile; other queries to /search?q=.
 */
export async function submitSearch(formData: FormData): Promise<void> {
  const { q, kind, region } = input.parse({
    q: formData.get("q") ?? "",
    kind: formData.get("kind") ?? undefined,
    region: formData.get("region") ?? undefined,
  });
  const parsed = parseSearchQuery(q);
  if (parsed.kind === "id_number") {
    const publicId = await findPublicIdByIdNumber({ idNumber: parsed.idNumber });
    redirect(publicId ? `/subjects/${publicId}` : "/search?notice=id-not-found");
  }
  // a mistyped ID number stays out of the address bar too
  if (parsed.kind === "invalid" && parsed.personal) redirect("/search?notice=id-invalid");
  redirect(`/search${queryString({ q: q.trim(), kind, region })}`);
}
