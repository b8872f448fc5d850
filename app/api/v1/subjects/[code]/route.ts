/** GET /api/v1/subjects/{uscc}: the handler lives in server/, where the server in front calls it too. */
export { lookupGet as GET } from "@/server/http/subjects-api";
