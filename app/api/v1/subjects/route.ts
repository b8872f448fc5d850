/** GET /api/v1/subjects?q=&page= and POST with {q, page}: the handlers live in server/, where the server in front calls the GET too. */
export { searchGet as GET, searchPost as POST } from "@/server/http/subjects-api";
