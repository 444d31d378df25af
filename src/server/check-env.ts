import { env } from "./env";

export function checkEnvOrExit(): void {
  try {
    env();
  } catch (error) {
    console.error(`warden: ${(error as Error).message}`);
    process.exit(1);
  }
}
