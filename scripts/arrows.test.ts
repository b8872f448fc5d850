import { execFile } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);

/** A file written where a careless change would put it; removed after the run. */
const probes: string[] = [];
function probe(path: string, body: string) {
  writeFileSync(path, body);
  probes.push(path);
  return path;
}
afterAll(() => {
  for (const p of probes) rmSync(p, { force: true });
});

/** `npm run lint`'s dependency check on one file: the rules it breaks (none when it passes). */
async function brokenRules(path: string): Promise<string[]> {
  try {
    await run("node_modules/.bin/depcruise", [
      "--config",
      ".dependency-cruiser.cjs",
      "--output-type",
      "err",
      path,
    ]);
    return [];
  } catch (err) {
    const out = String((err as { stdout?: string }).stdout ?? "");
    return [...new Set([...out.matchAll(/error ([\w-]+):/g)].map((m) => m[1] ?? ""))];
  }
}

const useCase =
  'import { decideRepair } from "@/server/services/cases/repairs";\nexport const probe = decideRepair;\n';

describe("the arrows inside server/ are held by lint (issue 21 §6)", () => {
  it("a read model importing a use case fails", async () => {
    expect(await brokenRules(probe("server/queries/zz-arrow-probe.ts", useCase))).toContain(
      "server-queries-read",
    );
  }, 60_000);

  it("the report renderer importing a use case fails", async () => {
    expect(await brokenRules(probe("server/reports/zz-arrow-probe.ts", useCase))).toContain(
      "server-base-at-the-bottom",
    );
  }, 60_000);

  it("a new file of server/ outside every group fails, whatever it imports", async () => {
    const path = probe(
      "server/zz-arrow-probe.ts",
      'import { today } from "./clock";\nexport const probe = today;\n',
    );
    expect(await brokenRules(path)).toContain("server-file-in-a-group");
  }, 60_000);

  it("a use case reading through a read model passes", async () => {
    const path = probe(
      "server/services/zz-arrow-probe.ts",
      'import { listCaseQueue } from "../queries/cases";\nexport const probe = listCaseQueue;\n',
    );
    expect(await brokenRules(path)).toEqual([]);
  }, 60_000);
});
