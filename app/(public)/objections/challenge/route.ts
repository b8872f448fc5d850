import { createPowChallenge } from "@/server/pow";

/** A fresh proof-of-work challenge for the objection form (issue 14 §1); never cached. */
export async function GET(): Promise<Response> {
  return Response.json(await createPowChallenge(), { headers: { "cache-control": "no-store" } });
}
