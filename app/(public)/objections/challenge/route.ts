import { abuseLimited } from "@/server/http/rate-limit";
import { createPowChallenge } from "@/server/pow";

/** A fresh proof-of-work challenge for the objection form (issue 14 §1); never cached, limited per address (issue 20 N13). */
export async function GET(request: Request): Promise<Response> {
  const limited = await abuseLimited(request, "challenge");
  if (limited) return limited;
  return Response.json(await createPowChallenge(), { headers: { "cache-control": "no-store" } });
}
