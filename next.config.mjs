/** @type {import('next').NextConfig} */
const nextConfig = {
  // The Docker image runs the standalone server; `npm run web` uses `next start`, which cannot.
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
