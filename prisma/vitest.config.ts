import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // Tests start schema engines and PostgreSQL servers. Each took under 3 s on a 2-core machine,
    // and the limit leaves room for slower ones.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
