import type { Db } from "@/db/client";
import type { RoleName } from "@/lib/access/roles";
import type { IsoDate } from "@/lib/calendar/dates";

/**
 * The types every use case and read model is handed, below them all (README "One service signature"): who acts,
 * from where, and on which day. auth/ fills them in from the request; nothing here imports upward.
 */
export type CurrentUser = {
  id: number;
  username: string;
  displayName: string;
  roles: RoleName[];
  departmentId: number | null;
  regionCode: string | null;
  subjectId: number | null;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  sessionId: string;
};

export type RequestMeta = { ip: string; userAgent: string | null };

/**
 * What every use case acting for a signed-in person receives first: `verbNoun(ctx, input)`. The acting user is
 * `actor`, always; `today` is the China-time date of the request.
 */
export type ServiceContext = { db: Db; actor: CurrentUser; meta: RequestMeta; today: IsoDate };
