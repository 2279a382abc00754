import createNextIntlPlugin from 'next-intl/plugin';

/** next-intl reads its per-request configuration (language, messages) from this file. */
const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native/WASM database drivers must be required at run time, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket', 'postgres', '@node-rs/argon2'],
  poweredByHeader: false,
};
export default withNextIntl(nextConfig);
