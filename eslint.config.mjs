// ESLint: typescript-eslint's strict rules and Next's core-web-vitals rules (React, hooks, the
// React compiler's rules, accessibility, Next's own), with zero warnings allowed (npm run lint).
import nextVitals from "eslint-config-next/core-web-vitals";
import tseslint from "typescript-eslint";

const config = [
  {
    ignores: [
      "node_modules/**",
      ".next*/**",
      "src/generated/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      ".data/**",
      "audit-anchors/**",
      "coverage/**",
    ],
  },
  ...nextVitals,
  ...tseslint.configs.strict,
  {
    rules: {
      // a leading underscore names what is deliberately left unused (a field left out of a rest)
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // In a test a missing value fails the test either way: `rows[0]!` throwing is the test failing.
    files: ["tests/**"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
];

export default config;
