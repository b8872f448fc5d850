import type { DbHandle } from "../client";

/** The province and its market regulator (department 1): the least a service test needs to act in a scope. */
export async function insertProvinceDepartment(db: Pick<DbHandle, "exec">): Promise<void> {
  await db.exec("INSERT INTO regions (code, name, level) VALUES ('360000', '江西省', 'province')");
  await db.exec(
    `INSERT INTO departments (id, code, name, short_name, uscc, region_code, level)
     VALUES (1, 'prov', '江西省市场监督管理局', '省市场监管局', '11360000MB1234567X', '360000', 'province')`,
  );
}
