import "server-only";
import { database } from "../db";

export type UserRow = {
  id: number;
  username: string;
  displayName: string;
  department: string | null;
  departmentId: number | null;
  regionCode: string | null;
  roles: string[];
  status: "active" | "disabled";
  locked: boolean;
  totp: boolean;
  lastSignInAt: Date | null;
};

/** Regulator accounts for the sysadmin (business accounts belong to their own subject and portal). */
export async function listUsers({ id }: { id?: number } = {}): Promise<UserRow[]> {
  const h = await database();
  const rows = await h.exec(
    `SELECT u.id, u.username, u.display_name, d.name AS department, u.department_id, u.region_code, u.status,
            EXISTS (SELECT 1 FROM sign_in_throttle t WHERE t.scope = 'user:' || u.id AND t.locked_until > now()) AS locked, (u.totp_enabled_at IS NOT NULL) AS totp, u.last_sign_in_at,
            coalesce(array_agg(r.role::text ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles
       FROM users u LEFT JOIN departments d ON d.id = u.department_id LEFT JOIN user_roles r ON r.user_id = u.id
      WHERE u.subject_id IS NULL ${id ? "AND u.id = $1" : ""}
      GROUP BY u.id, d.name ORDER BY u.id`,
    id ? [id] : [],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    username: String(r.username),
    displayName: String(r.display_name),
    department: (r.department as string | null) ?? null,
    departmentId: r.department_id === null ? null : Number(r.department_id),
    regionCode: (r.region_code as string | null) ?? null,
    roles: r.roles as string[],
    status: r.status as UserRow["status"],
    locked: Boolean(r.locked),
    totp: Boolean(r.totp),
    lastSignInAt: r.last_sign_in_at ? new Date(r.last_sign_in_at as string) : null,
  }));
}
