# Warden: build once, then `npm start` applies migrations and serves (DATABASE_URL required).
FROM node:22-bookworm-slim
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
COPY scripts/prisma-generate.mjs scripts/prisma-generate.mjs
COPY prisma/schema.prisma prisma/schema.prisma
COPY prisma.config.ts ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && chown -R node:node /app/.next
USER node
EXPOSE 3000
CMD ["npm", "start"]
