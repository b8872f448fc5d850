import { describe, expect, it } from "vitest";
import { CONSOLE_NAV, consoleHome, LIST_KIND_LABELS, LIST_KIND_SEGMENTS, PUBLIC_NAV } from "./navigation";

const sections = (role: string) =>
  CONSOLE_NAV.filter((n) => (n.roles as readonly string[]).includes(role)).map((n) => n.href);

describe("navigation — DOMAIN §11 三员分立: each role sees its own sections", () => {
  it("lands each role on its first section", () => {
    expect(consoleHome(["operator"])).toBe("/admin");
    expect(consoleHome(["sysadmin"])).toBe("/admin/users");
    expect(consoleHome(["auditor"])).toBe("/admin/audit");
  });

  it("sysadmins keep the calendar and settings and see no business data; auditors see only the log", () => {
    expect(sections("sysadmin")).toEqual(
      expect.arrayContaining(["/admin/users", "/admin/calendar", "/admin/settings"]),
    );
    expect(sections("sysadmin")).not.toContain("/admin/records");
    expect(sections("sysadmin")).not.toContain("/admin/cases/repairs");
    expect(sections("auditor")).toEqual(["/admin/audit", "/admin/account"]);
  });

  it("reviewers reach the case queues and templates (issue 11 §5); a business account has no console section", () => {
    expect(sections("reviewer")).toEqual(
      expect.arrayContaining(["/admin/cases/repairs", "/admin/templates"]),
    );
    expect(sections("business")).toEqual([]);
  });

  it("the public header links the repair guide and the business entrance (issue 11)", () => {
    expect(PUBLIC_NAV.map((n) => n.href)).toEqual(expect.arrayContaining(["/repair", "/business"]));
  });

  it("every list kind has a label and a URL segment", () => {
    expect(Object.keys(LIST_KIND_SEGMENTS).sort()).toEqual(Object.keys(LIST_KIND_LABELS).sort());
  });
});
