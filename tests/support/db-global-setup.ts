import type { TestProject } from "vitest/node";
import { createTestDatabase } from "../../scripts/lib/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const name = `warden_test_${process.pid}_${Date.now().toString(36)}`;
  const database = await createTestDatabase(name, { embeddedPort: 54339 });
  project.provide("databaseUrl", database.url);
  return async () => {
    await database.drop();
  };
}
