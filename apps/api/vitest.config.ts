import { createRequire } from "node:module";

import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS (main) and ESM (module) builds without an exports map. Node
    // loads the CommonJS build for everyone, type-graphql included, but Vite prefers the ESM
    // build, and graphql rejects schemas built by the other copy. Pin the one Node uses.
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve("graphql") }],
  },
  test: {
    include: ["src/**/__tests__/**/*.test.ts"],
  },
});
