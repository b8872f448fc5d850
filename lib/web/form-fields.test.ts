import { describe, expect, it } from "vitest";
import { formFields } from "./form-fields";

describe("formFields", () => {
  it("keeps text fields, arrays for repeated ones, and drops Next's action fields and files", () => {
    const f = new FormData();
    f.append("name", "赣江建工");
    f.append("penaltyTypes", "警告");
    f.append("penaltyTypes", "罚款");
    f.append("$ACTION_ID_abc", "");
    f.append("file", new Blob(["x"]), "a.csv");
    expect(formFields(f)).toEqual({ name: "赣江建工", penaltyTypes: ["警告", "罚款"] });
  });
});
