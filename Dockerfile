# romgraph server image: compiled with tsc, run with plain node (npm run build && npm run start:prod).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY client-sdk ./client-sdk
COPY schema ./schema
COPY web ./web
COPY server ./server
COPY migrations ./migrations
COPY scripts ./scripts
# npm ci builds the dashboard and GraphiQL (postinstall, Vite) into web/dist; the build copies it into dist/.
RUN npm ci --no-audit --no-fund
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:4000/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/server/main.js"]
