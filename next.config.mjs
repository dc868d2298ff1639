const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A second build (e.g. a parallel test run) can go elsewhere without replacing the one being served.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm run typecheck` checks the whole project (tests and workers too) once; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // /api/health reaches the Kafka client through lib/kafka/client.ts; @platformatic/kafka loads a
  // native CRC32C addon that Turbopack cannot place in a chunk, so Node loads it at run time instead.
  serverExternalPackages: ['@platformatic/kafka'],
  // Content-Security-Policy (with a per-request script nonce), framing and Permissions-Policy are set
  // per request by server/index.ts (lib/http/request-gate.ts), so each response carries exactly one.
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
