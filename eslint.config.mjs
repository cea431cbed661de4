import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";
import pluginQuery from "@tanstack/eslint-plugin-query";

/**
 * The data access layer is the security boundary (STYLE.md): only lib/dal, db/ (schema, client,
 * migrate, seed and their command-line scripts) and tests/ reach the database client, the
 * schema's tables and the unchecked helpers in lib/dal/internal. Type imports are allowed: a
 * type carries no data.
 */
const DATABASE = {
  group: ["@/db/client", "@/db/schema", "@/db/schema/*", "**/db/client", "**/db/schema", "**/db/schema/*"],
  allowTypeImports: true,
  message: "Only lib/dal and db/ touch the database: go through a lib/dal function, which checks the caller.",
};
const INTERNAL = {
  group: ["@/lib/dal/internal/*", "**/dal/internal/*"],
  allowTypeImports: true,
  message: "lib/dal/internal helpers check nothing: call the lib/dal function that authorizes the caller.",
};
const restrict = (...patterns) => ["error", { patterns }];

const config = [
  ...nextVitals,
  ...nextTypeScript,
  ...pluginQuery.configs["flat/recommended"],
  { ignores: [".data/**", ".test-data/**", "test-results/**", "playwright-report/**", "e2e/.screens/**"] },
  // A leading underscore names a value left out on purpose (`const { secret: _secret, ...rest }`).
  { rules: { "@typescript-eslint/no-unused-vars": ["warn", { varsIgnorePattern: "^_", argsIgnorePattern: "^_" }] } },
  {
    // No React runs here: Playwright's fixture callback is called `use`, and useSession sets a
    // test's caller; neither is a hook.
    files: ["tests/**", "e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  { rules: { "@typescript-eslint/no-restricted-imports": restrict(DATABASE, INTERNAL) } },
  { files: ["lib/dal/**", "db/**", "tests/**"], rules: { "@typescript-eslint/no-restricted-imports": "off" } },
  {
    // The framework's two doors into the DAL: the wrapper every server action goes through
    // (checks the role and audits a denial before any work) and next-auth's callbacks (sign-in,
    // session start and end). They may use lib/dal/internal, never the database itself.
    files: ["lib/actions/validated-action.ts", "lib/auth/options.ts"],
    rules: { "@typescript-eslint/no-restricted-imports": restrict(DATABASE) },
  },
];

export default config;
