import "server-only";
import { getDepartments } from "./departments";
import { getCities } from "./regions";

/** The options of the department and region filters, shaped for <select>. */
export async function getFilterOptions() {
  const [depts, cities] = await Promise.all([getDepartments(), getCities()]);
  return {
    departments: depts.map((d) => ({ value: String(d.id), label: d.name })),
    cities: cities.map((c) => ({ value: c.code.slice(0, 4), label: c.name })),
  };
}
