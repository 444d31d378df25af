import { NextResponse } from "next/server";
import { db } from "@/server/db";
import { describeError, log } from "@/server/log";

export const dynamic = "force-dynamic";

const startedAt = new Date();

// Public and cheap: says whether the app and its database answer, and nothing about data.
export async function GET() {
  const t0 = performance.now();
  let database: { status: "up"; latencyMs: number } | { status: "down" };
  try {
    await Promise.race([
      db().$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("database health check timed out")), 3000)),
    ]);
    database = { status: "up", latencyMs: Math.round((performance.now() - t0) * 10) / 10 };
  } catch (error) {
    log.warn("health.database_down", describeError(error));
    database = { status: "down" };
  }
  const ok = database.status === "up";
  return NextResponse.json(
    {
      status: ok ? "ok" : "degraded",
      app: { name: "warden", version: process.env.npm_package_version ?? "0.1.0", startedAt: startedAt.toISOString() },
      database,
    },
    { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
