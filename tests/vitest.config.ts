import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.resolve(import.meta.dirname, '..');

export default defineConfig({
  root,
  resolve: { alias: { '@': path.join(root, 'src') } },
  test: {
    globalSetup: ['tests/support/global-setup.ts'],
    reporters: ['default', ['json', { outputFile: 'tests/.tmp/vitest-report.json' }]],
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 } },
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], testTimeout: 90_000, hookTimeout: 90_000, fileParallelism: false } },
      { extends: true, test: { name: 'bench', include: process.env.npm_lifecycle_event === 'bench' ? ['tests/bench/**/*.bench.ts'] : [], testTimeout: 600_000, hookTimeout: 600_000 } },
    ],
  },
});
