import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const packageName = "@ree/db";

/**
 * Finds the package root by walking up from this module, because the module runs from src/
 * under tsx and vitest but from dist/src/ once compiled.
 */
function findPackageRoot(): string {
  const start = dirname(fileURLToPath(import.meta.url));
  let directory = start;
  for (;;) {
    const manifestPath = join(directory, "package.json");
    if (existsSync(manifestPath)) {
      const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { name?: unknown };
      if (manifest.name === packageName) {
        return directory;
      }
    }

    const parent = dirname(directory);
    if (parent === directory) {
      throw new Error(
        `No package.json named ${packageName} found in ${start} or above it. ` +
          `Run this module from inside the ${packageName} package folder.`,
      );
    }

    directory = parent;
  }
}

export const packageRoot = findPackageRoot();
export const schemaPath = join(packageRoot, "schema.prisma");
export const migrationsDirectory = join(packageRoot, "migrations");
