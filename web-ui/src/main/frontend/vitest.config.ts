import { defineConfig } from 'vitest/config';

// Unit tests of the UI's own logic (Thai digits and dates, errors by field): no browser, no server.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
});
