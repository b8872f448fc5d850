import type { Db } from "@/db/client";
import type { IsoDate } from "@/lib/calendar/dates";
import type { CurrentUser } from "./auth/guard";
import type { RequestMeta } from "./auth/request-meta";

/**
 * What every use case acting for a signed-in person receives first (README "One service signature"):
 * `verbNoun(ctx, input)`. The acting user is `actor`, always; `today` is the China-time date of the request.
 */
export type ServiceContext = { db: Db; actor: CurrentUser; meta: RequestMeta; today: IsoDate };
