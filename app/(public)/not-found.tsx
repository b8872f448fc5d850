import { NotFoundBody } from "@/components/not-found-body";
import { submitSearch } from "./search/actions";

export const metadata = { title: "页面不存在" };

/** A public page's notFound(): inside the site's own header and main, not a second frame around it. */
export default function PublicNotFound() {
  return <NotFoundBody search={submitSearch} />;
}
