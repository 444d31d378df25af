import type { NextConfig } from "next";
import { ACTION_BODY_LIMIT_BYTES } from "./src/lib/action-body-limit";

// Fixed when the app is built. The headers that depend on the request or on how the server is
// reached (Content-Security-Policy with its nonce; HSTS when NEXTAUTH_URL is https) come from
// src/proxy.ts at run time.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // A second build or dev server beside the main one (e.g. another checkout's tests) can use its own folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // pdfkit and fontkit are only loaded by the PDF worker thread (src/server/pdf/render-worker.mjs),
  // which Node starts from the project as it is on disk; kept external should anything import them.
  serverExternalPackages: ["@node-rs/argon2", "pg", "pdfkit", "fontkit"],
  // Next's own limit for a server action's body (its default, 1 MB, made explicit); src/proxy.ts
  // answers a larger one 413 with a message before Next would answer 500.
  experimental: { serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES } },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
