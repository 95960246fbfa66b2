import { defineConfig } from "vitest/config";

export default defineConfig({
  // tsconfig.json leaves JSX to Next's compiler ("jsx": "preserve"), so the tests compile it
  // themselves, with React's automatic runtime as Next does.
  oxc: { jsx: { runtime: "automatic" } },
  test: {
    include: ["**/__tests__/**/*.test.{ts,tsx}"],
    exclude: ["node_modules/**", ".next/**"],
  },
});
