import "server-only";
import { getDepartments } from "./departments";
import { getCities } from "./regions";

/** Departments and regions (the province, then each 设区市) for the sysadmin's forms. */
export async function scopeOptions() {
  const [departments, cities] = await Promise.all([getDepartments(), getCities()]);
  return {
    departments: departments.map((d) => ({ value: String(d.id), label: d.name })),
    regions: [
      { value: "360000", label: "江西省（全省）" },
      ...cities.map((c) => ({ value: c.code, label: c.name })),
    ],
  };
}
