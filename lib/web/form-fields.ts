/**
 * A submitted form's text fields as a plain object: a field sent more than once (checkboxes) becomes an array;
 * Next's own `$ACTION…` fields and files are left out. The action wrapper parses this, and a form previews from it.
 */
export function formFields(form: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    if (all.length > 0) out[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  return out;
}
