# romgraph server image: compiled with tsc, run with plain node. README "Running in production" explains it.
#   docker build -t romgraph .
#   docker run -p 4000:4000 -e JWT_SECRET="$(openssl rand -base64 48)" -v romgraph-data:/app/data romgraph
#
# Node 24 is LTS until April 2028. Nothing native is loaded at run time (PGlite is WebAssembly, pg is pure
# JavaScript); the platform binaries in the lock file (esbuild for tsx, rolldown and lightningcss for Vite) run
# only in the build stage.
ARG NODE_IMAGE=node:24-trixie-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Dependencies first, so that a change to the sources reuses this layer. Without web/ yet, postinstall (which
# builds the dashboard) finds no web/index.html and does nothing; the build below runs it explicitly.
COPY package.json package-lock.json ./
COPY client-sdk/package.json ./client-sdk/
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY client-sdk ./client-sdk
COPY schema ./schema
COPY web ./web
COPY server ./server
COPY migrations ./migrations
COPY scripts ./scripts
# The dashboard and GraphiQL (Vite, into web/dist), then tsc into dist/ (the build script copies there what the
# server reads at run time: web/dist, the seed data), then away with the development dependencies. The SDK
# workspace's link goes too: the server does not import it, and its sources are not in the final stage.
RUN npm run build:web \
  && npm run build \
  && npm prune --omit=dev --no-audit --no-fund \
  && rm -rf node_modules/@romgraph

FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    PORT=4000 \
    DATA_DIR=/app/data
WORKDIR /app
# Code and dependencies belong to root and are read-only for the server; only the data directory is its own.
# package.json must come along: its "type": "module" makes node load dist/ as ES modules.
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The embedded database (PGlite, used when DATABASE_URL is unset) lives here. A new named volume takes this
# ownership; a bind-mounted directory must be writable by uid 1000 (node).
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/data"]
USER node
EXPOSE 4000
# Ready means the database answers (and not shutting down); the first start on PGlite migrates and seeds first.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node is PID 1 and handles SIGTERM itself (readiness fails for SHUTDOWN_GRACE_MS, then it drains): give it
# SHUTDOWN_GRACE_MS + SHUTDOWN_TIMEOUT_MS + 5 s before a kill (docker stop -t 25, compose stop_grace_period).
CMD ["node", "dist/server/main.js"]
