import { readFileSync } from "node:fs";
import path from "node:path";
import type { NextConfig } from "next";
import { parse } from "yaml";
// JSON, not TypeScript: Node loads it however the config is compiled or where `next` runs from.
import bodyLimit from "./lib/validations/body-limit.json";

const isProduction = process.env.NODE_ENV === "production";

/*
 * app/global-error.tsx replaces the root layout when even it fails, so it can
 * read no files: the clinic's name and phone number are written into it at
 * build time from content/clinic.yaml (the build checks that file first).
 */
const clinic = parse(readFileSync("content/clinic.yaml", "utf8")) as {
  name?: string;
  phone?: string;
};

/*
 * No Content-Security-Policy here: a static page's policy (with the hashes of
 * its inline scripts) is stored with the page by lib/security/csp-cache-handler.cjs,
 * and the dynamic routes get a per-request nonce from proxy.ts. A second header
 * from here would be enforced as well, so every page would need to satisfy both.
 */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), interest-cohort=()",
  },
  ...(isProduction
    ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
    : []),
];

const nextConfig: NextConfig = {
  // Lets a second build (a helper, a benchmark) run beside the main one without clobbering it.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  /*
   * A folder (<distDir>/standalone) with server.js and only the node_modules the
   * server loads: the Dockerfile copies it, with the static files and the
   * operational commands (scripts/build-ops.ts), into an image without dev dependencies.
   */
  output: "standalone",
  // Files the server reads at run time by path, which tracing cannot see: they go into standalone.
  outputFileTracingIncludes: {
    "/**": ["./content/**/*", "./lib/staff/common-passwords.txt"],
  },
  // Absolute here; Next.js stores it relative to the build folder, so a copied standalone finds it.
  cacheHandler: path.resolve("lib/security/csp-cache-handler.cjs"),
  env: { CLINIC_NAME: clinic.name ?? "", CLINIC_PHONE: clinic.phone ?? "" },
  serverExternalPackages: ["better-sqlite3", "pg", "nodemailer"],
  experimental: {
    // forbidden() answers 403 with app/forbidden.tsx: a staff role asking for what it may not do.
    authInterrupts: true,
    serverActions: { bodySizeLimit: `${bodyLimit.kilobytes}kb` },
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      {
        source: "/staff/:path*",
        headers: [
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
          { key: "Cache-Control", value: "no-store" },
        ],
      },
      // Review links (app/review/[token]): never indexed, and the token never leaves in a Referer.
      {
        source: "/review/:path*",
        headers: [
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
          { key: "Cache-Control", value: "no-store" },
          { key: "Referrer-Policy", value: "no-referrer" },
        ],
      },
      {
        source: "/staff",
        headers: [
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
          { key: "Cache-Control", value: "no-store" },
        ],
      },
    ];
  },
};

export default nextConfig;
