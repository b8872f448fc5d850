import { describe, expect, it } from "vitest";
import {
  CONSOLE_NAV,
  consoleHome,
  LIST_KIND_LABELS,
  LIST_KIND_SEGMENTS,
  mayOpen,
  PUBLIC_NAV,
} from "./navigation";

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
    // and their own messages and account (issue 22 §2: every console user has a 站内信 box)
    expect(sections("auditor")).toEqual(["/admin/audit", "/admin/messages", "/admin/account"]);
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

describe("mayOpen — a console link is shown only to a role its section admits (issue 21)", () => {
  it("the case queues are for reviewers and supervisors, not operators", () => {
    expect(mayOpen(["operator"], "/admin/cases/repairs")).toBe(false);
    expect(mayOpen(["reviewer"], "/admin/cases/objections")).toBe(true);
    expect(mayOpen(["supervisor"], "/admin/cases/commitments?state=submitted")).toBe(true);
  });
  it("名称核对 is not the supervisor's; an unknown section opens for nobody", () => {
    expect(mayOpen(["supervisor"], "/admin/name-reviews")).toBe(false);
    expect(mayOpen(["operator"], "/admin/name-reviews")).toBe(true);
    expect(mayOpen(["sysadmin"], "/admin/nowhere")).toBe(false);
  });
});
