import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "_site/**", "node_modules/**", "data/**", "test/.tmp/**", "bench/.tmp/**", "assets/**", "**/*.staging-*/**", ".cache/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }] },
  },
  // Browser code: progressive enhancement bundled for the pages.
  { files: ["src/client/**"], languageOptions: { globals: { ...globals.browser } } },
  { files: ["**/*.cjs"], languageOptions: { sourceType: "commonjs" } },
);
