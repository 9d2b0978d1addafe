# syntax=docker/dockerfile:1
# The clinic website as one image (README, "Image"): Next.js's standalone server, its static
# files and the operational commands, on Node.js 24 LTS, without dev dependencies. Secrets come at
# run time (compose.yaml's env_file, or `docker run --env-file`); none is an ARG or ENV here, and
# .dockerignore keeps .env files and data folders out of the build context.
# tests/e2e/standalone.spec.ts copies what the runtime stage's COPY --from lines name into an
# empty folder and runs the journeys against it; tests/unit/deploy/image-files.test.ts reads this.

FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# better-sqlite3, sharp and argon2 come prebuilt for linux x64 and arm64 (glibc): no compiler.
RUN npm ci --no-audit --no-fund

FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# next build, then scripts/build-ops.mts bundles the commands into .next/standalone/ops/.
RUN npm run build

FROM node:24-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    DATA_DIR=/data
# server.js, the node_modules it loads, content/, the cache handler and ops/*.mjs (owned by root:
# the server cannot change its own code), then what Next.js leaves to the Dockerfile: its static
# files, and public/ whole (standalone holds only the public files the server itself reads).
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
# The server writes its page cache (.next/server/route-cache/) and resized images (.next/cache/)
# into the build folder, as under systemd; DATA_DIR is the volume, made here so a new volume
# starts owned by the server's user with the mode the server keeps it at.
RUN chown -R node:node .next \
    && install -d -o node -g node -m 0700 /data
VOLUME /data
USER node
EXPOSE 3000
# The image has no curl: Node's own fetch asks /healthz, which answers 200 when the database takes a write.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Migrations also run at start-up; running them first stops a failed one here, with its message.
CMD ["sh", "-c", "node ops/db-migrate.mjs && exec node server.js"]
