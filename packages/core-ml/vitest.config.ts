import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/__tests__/**/*.test.ts"],
    // Trainings on the real data take seconds each on the cpu backend.
    testTimeout: 120_000,
  },
});
