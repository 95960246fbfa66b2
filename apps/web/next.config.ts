import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `next dev` serves its scripts and HMR socket only to the host it prints (localhost) unless
  // another host is listed; this lets http://127.0.0.1:<port> work as well.
  allowedDevOrigins: ["127.0.0.1"],
  // Next 16.5 would otherwise write an AGENTS.md into this folder on every `next dev`.
  agentRules: false,
  experimental: {
    // The default ("security") queries registry.npmjs.org for security advisories during
    // `next dev` and `next build`, and builds must not depend on network access.
    agentUpgrade: false,
  },
};

export default nextConfig;
