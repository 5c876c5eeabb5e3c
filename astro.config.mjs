// @ts-check
import { defineConfig, envField } from 'astro/config';
import node from '@astrojs/node';
import react from '@astrojs/react';
import mdx from '@astrojs/mdx';

export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone', bodySizeLimit: 1024 * 1024 }),
  integrations: [react(), mdx()],
  server: { port: 4321 },
  // Origin checks for forms and JSON alike live in src/middleware.ts (one rule, JSON errors for the API).
  security: { checkOrigin: false },
  devToolbar: { enabled: false },
  env: {
    schema: {
      DATABASE_URL: envField.string({ context: 'server', access: 'secret', optional: true }),
    },
  },
});
