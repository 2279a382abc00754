/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native/WASM database drivers must be required at run time, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket', 'postgres', '@node-rs/argon2'],
  poweredByHeader: false,
};
export default nextConfig;
