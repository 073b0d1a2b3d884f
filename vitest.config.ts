// The test runner's settings, once: `npm test` runs the unit project, `npm run test:e2e` the end-to-end one
// against the real Claude Code (see ARCHITECTURE.md for what each suite needs).
import { defineConfig } from "vitest/config";

// Dates in messages and reports are checked as UTC; set before the workers start so that they, and every
// process a test spawns, inherit it.
process.env.TZ = "UTC";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/e2e/**", "**/node_modules/**"],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          testTimeout: 180_000,
          hookTimeout: 600_000,
          maxConcurrency: 2,
        },
      },
    ],
  },
});
