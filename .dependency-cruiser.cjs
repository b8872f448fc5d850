/**
 * The layer arrows of ../shared/STYLE.md ("The house we build"):
 * app → server, components, lib · server → db, lib · scripts → server, db, lib · components → lib · db, lib → nothing of ours.
 */
const ours = "^(app|components|server|db|lib|scripts|e2e)/";
// Tests may reach across layers to set up what they check; the arrows bind the product code.
const tests = "\\.test\\.tsx?$|^e2e/|^db/testing/";
// server/'s own layers: what app/ and scripts/ call (entries), use cases, read models, and the base below them
const SERVER_ENTRIES = "^server/(action|startup|health)\\.ts$|^server/(http|auth)/";
const SERVER_ABOVE_QUERIES = `${SERVER_ENTRIES}|^server/services/`;
const SERVER_BASE =
  "^server/(db|config|context|errors|audit|body-limit|calendar|case-files|clock|limiter|memo|object-store|pii|pow|reads|settings)\\.ts$|^server/(credentials|imports|notify|reports)/";
const SERVER_QUERIES = "^server/queries/";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "lib-is-pure",
      comment: "lib/ is the pure domain: it imports nothing of ours outside lib/",
      severity: "error",
      from: { path: "^lib/", pathNot: tests },
      to: { path: ours, pathNot: "^lib/" },
    },
    {
      name: "lib-has-no-framework",
      comment: "lib/ is pure: no Next.js, no database driver or ORM, no Node built-ins (no clock, no I/O)",
      severity: "error",
      from: { path: "^lib/", pathNot: tests },
      to: { path: "^node_modules/(next|drizzle-orm|postgres|@electric-sql|react)/" },
    },
    {
      name: "lib-no-node-builtins",
      severity: "error",
      from: { path: "^lib/", pathNot: tests },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "scripts-not-into-ui",
      comment: "scripts/ use server/, db/ and lib/, never app/ or components/",
      severity: "error",
      from: { path: "^scripts/", pathNot: tests },
      to: { path: "^(app|components)/" },
    },
    {
      name: "db-imports-only-lib",
      comment: "db/ may use lib/ but never server/, app/, components/ or scripts/",
      severity: "error",
      from: { path: "^db/", pathNot: tests },
      to: { path: "^(app|components|server|scripts|e2e)/" },
    },
    {
      name: "components-are-ui",
      comment: "components/ get data as props: they import lib/ only, never server/ or db/",
      severity: "error",
      from: { path: "^components/", pathNot: tests },
      to: { path: "^(server|db|app|scripts)/" },
    },
    {
      name: "server-below-app",
      comment: "server/ never imports app/, components/ or scripts/",
      severity: "error",
      from: { path: "^server/", pathNot: tests },
      to: { path: "^(app|components|scripts)/" },
    },
    {
      name: "app-through-server",
      comment: "app/ reads and writes through server/, not db/ directly (types excepted)",
      severity: "error",
      from: { path: "^app/", pathNot: tests },
      to: { path: "^db/", dependencyTypesNot: ["type-only"] },
    },
    // The arrows inside server/ (README, "How the code is laid out"): entry points → services → queries → base.
    // Type-only imports are free (a service names the acting user's type from auth/guard).
    {
      name: "server-queries-read",
      comment:
        "server/queries/ are read models: they use the base modules only, never a use case or an entry point",
      severity: "error",
      from: { path: SERVER_QUERIES, pathNot: tests },
      to: { path: SERVER_ABOVE_QUERIES, dependencyTypesNot: ["type-only"] },
    },
    {
      name: "server-services-below-entries",
      comment: "server/services/ are use cases: they may read through queries/, never call an entry point",
      severity: "error",
      from: { path: "^server/services/", pathNot: tests },
      to: { path: SERVER_ENTRIES, dependencyTypesNot: ["type-only"] },
    },
    {
      name: "server-base-at-the-bottom",
      comment:
        "the base modules (db, config, errors, audit, …, credentials/, imports/) use nothing above them",
      severity: "error",
      from: { path: SERVER_BASE, pathNot: tests },
      to: { path: `${SERVER_ABOVE_QUERIES}|${SERVER_QUERIES}`, dependencyTypesNot: ["type-only"] },
    },
    {
      name: "server-file-in-a-group",
      comment:
        "every file of server/ is an entry, a use case, a read model or a base module (README): a new file joins a group before it imports anything",
      severity: "error",
      from: {
        path: "^server/",
        pathNot: [tests, SERVER_ENTRIES, "^server/services/", SERVER_QUERIES, SERVER_BASE],
      },
      to: {},
    },
    {
      name: "no-circular",
      severity: "error",
      from: {},
      to: { circular: true, dependencyTypesNot: ["type-only"] },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(\\.next|\\.data)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
    },
  },
};
