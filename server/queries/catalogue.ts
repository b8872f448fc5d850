import "server-only";
import { and, count, eq, gte, lte, ne } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { commitments, licences, listEntries, penalties } from "@/db/schema";
import type { IsoDate } from "@/lib/calendar/dates";
import {
  type Classification,
  DATA_CLASS_KEYS,
  DATA_CLASSES,
  type DataClass,
  DEFAULT_CLASSIFICATION,
  type Frequency,
} from "@/lib/platform/catalogue";
import { database } from "../db";

export type CatalogueItem = {
  deptId: number;
  dept: string;
  deptRegion: string;
  dataClass: DataClass;
  name: string;
  classification: Classification;
  frequency: Frequency;
  fields: string;
  updatedAt: Date | null;
};

/** The fields each item publishes, as the national 双公示 standard names them: shown until a department writes its own. */
export const DEFAULT_FIELDS: Record<DataClass, string> = {
  licence: "行政许可决定文书号、许可类别、许可证书名称及编号、许可内容、有效期、许可机关",
  penalty: "行政处罚决定书文号、违法行为类型、违法事实、处罚依据、处罚类别、处罚内容、罚款金额、处罚机关",
  penalty_undisclosed: "行政处罚决定书文号、处罚类别、处罚内容、处罚机关（简易程序或低于公示门槛）",
  list_entry: "名单名称、列入事由、认定依据、认定文号、有效期、认定部门",
  commitment: "承诺类型、承诺事项、承诺内容、签署日期、履约状态、违诺认定",
};

const ITEMS_SQL = `
  SELECT d.id AS dept_id, d.name AS dept, d.region_code, c.cls AS data_class,
         ci.classification, ci.frequency, ci.fields, ci.updated_at
  FROM departments d CROSS JOIN unnest($1::text[]) AS c(cls)
  LEFT JOIN catalogue_items ci ON ci.dept_id = d.id AND ci.data_class::text = c.cls
  WHERE d.active`;

const toItem = (r: Record<string, unknown>): CatalogueItem => {
  const dataClass = r.data_class as DataClass;
  return {
    deptId: Number(r.dept_id),
    dept: String(r.dept),
    deptRegion: String(r.region_code),
    dataClass,
    name: DATA_CLASSES[dataClass],
    classification: (r.classification as Classification | null) ?? DEFAULT_CLASSIFICATION[dataClass],
    frequency: (r.frequency as Frequency | null) ?? "daily",
    fields: (r.fields as string | null) || DEFAULT_FIELDS[dataClass],
    updatedAt: (r.updated_at as Date | null) ?? null,
  };
};

/**
 * The resource catalogue (2020 plan §9): every active department × every data class, its classification as the
 * department set it or, until then, the class's default.
 */
export async function getCatalogue(o: { deptId?: number } = {}): Promise<CatalogueItem[]> {
  const h = await database();
  const rows = await h.exec(
    `${ITEMS_SQL} ${o.deptId ? "AND d.id = $2" : ""} ORDER BY d.level, d.code, array_position($1::text[], c.cls)`,
    o.deptId ? [DATA_CLASS_KEYS, o.deptId] : [DATA_CLASS_KEYS],
  );
  return rows.map(toItem);
}

/** The records of a department's item that the public reads today: what narrowing it would withdraw. */
export async function publishedRows(db: Db | Tx, deptId: number, dataClass: DataClass, today: IsoDate) {
  const inPublicity = and(
    eq(penalties.sourceDeptId, deptId),
    eq(penalties.status, "active"),
    lte(penalties.decisionDate, today),
    gte(penalties.publicUntil, today),
  );
  const q = {
    penalty: () =>
      db
        .select({ n: count() })
        .from(penalties)
        .where(and(inPublicity, eq(penalties.disclosable, true))),
    penalty_undisclosed: () =>
      db
        .select({ n: count() })
        .from(penalties)
        .where(and(inPublicity, eq(penalties.disclosable, false))),
    licence: () =>
      db
        .select({ n: count() })
        .from(licences)
        .where(and(eq(licences.sourceDeptId, deptId), eq(licences.status, "active"))),
    list_entry: () =>
      db
        .select({ n: count() })
        .from(listEntries)
        .where(and(eq(listEntries.deptId, deptId), eq(listEntries.status, "published"))),
    commitment: () =>
      db
        .select({ n: count() })
        .from(commitments)
        .where(
          and(
            eq(commitments.deptId, deptId),
            eq(commitments.status, "approved"),
            ne(commitments.type, "repair"),
          ),
        ),
  }[dataClass];
  const [r] = await q();
  return r?.n ?? 0;
}
