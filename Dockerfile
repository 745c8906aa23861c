# The image of the runtime reconciler (`capi-ionos reconcile`), named by the Deployment that
# `capi-ionos synth --with-reconciler` writes. Build and push (docs/reconciler-deployment.md):
#
#   docker build -t ghcr.io/cdk8s-capi-ionos/capi-ionos:0.1.0 .
#   docker push ghcr.io/cdk8s-capi-ionos/capi-ionos:0.1.0
#
# Stage 1 builds the package and installs it with its runtime dependencies only (the Jsonnet
# binding is a native addon, hence the compiler). Stage 2 is distroless Node.js 20: no shell,
# no package manager, user 65532 ("nonroot"). The Deployment's probes run /nodejs/bin/node.

FROM node:20-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY package.json package-lock.json ./
# No scripts yet: `prepare` builds the sources, which are not copied yet.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm rebuild --no-audit --no-fund \
 && npm run build \
 && npm pack --pack-destination /tmp
# The packed package (its `files` only) with its production dependencies.
WORKDIR /app
RUN echo '{"name":"capi-ionos-image","private":true}' > package.json \
 && npm install --omit=dev --no-audit --no-fund /tmp/cdk8s-capi-ionos-*.tgz

FROM gcr.io/distroless/nodejs20-debian12:nonroot
WORKDIR /app
COPY --from=build /app/node_modules /app/node_modules
ENV NODE_ENV=production
USER 65532:65532
ENTRYPOINT ["/nodejs/bin/node", "/app/node_modules/cdk8s-capi-ionos/bin/capi-ionos.js"]
CMD ["reconcile", "--help"]
