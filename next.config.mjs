/** @type {import('next').NextConfig} */
const nextConfig = {
  // The Docker image runs the standalone server; `npm run web` uses `next start`, which cannot.
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm run typecheck` checks the whole project (tests and workers too) once; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
