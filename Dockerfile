# Two images from one source tree, both on Node 24 LTS: `workers` (producer, consumer, migrations,
# simulator) and `web` (server/index.ts in front of the Next.js build, so the rate limits, CSP nonces
# and security headers apply). Build: docker compose build. Checked without an engine by
# scripts/docker/docker-files.test.ts.
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci

FROM deps AS workers
ENV NODE_ENV=production
COPY . .
USER node
CMD ["node", "--max-old-space-size=128", "--max-semi-space-size=32", "--import", "tsx", "workers/consumer/index.ts"]

FROM deps AS build
# NEXT_PUBLIC_* values are inlined into the browser bundle at build time; the web stage keeps them
# in its environment too, because server/index.ts builds the CSP's image origins from the same values.
ARG NEXT_PUBLIC_TILE_URL=""
ARG NEXT_PUBLIC_TILE_URL_DARK=""
ARG NEXT_PUBLIC_TILE_ATTRIBUTION=""
ENV NEXT_TELEMETRY_DISABLED=1 \
    NEXT_PUBLIC_TILE_URL=${NEXT_PUBLIC_TILE_URL} \
    NEXT_PUBLIC_TILE_URL_DARK=${NEXT_PUBLIC_TILE_URL_DARK} \
    NEXT_PUBLIC_TILE_ATTRIBUTION=${NEXT_PUBLIC_TILE_ATTRIBUTION}
COPY . .
RUN npx next build && rm -rf .next/cache

FROM build AS web
ENV NODE_ENV=production PORT=3000 WEB_HOST=0.0.0.0 TRUSTED_PROXY_HOPS=0
RUN install -d -o node .next/cache
USER node
EXPOSE 3000
CMD ["node", "--import", "tsx", "server/index.ts"]
