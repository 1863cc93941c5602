import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The bundle goes straight into the Spring Boot app's static resources (target/classes/static),
// so `spring-boot:run` and the jar serve it at http://localhost:8080/.
export default defineConfig({
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: resolve(__dirname, '../../../target/classes/static'),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      // the server accepts WebSocket handshakes from its own origin only
      '/ws': {
        target: 'ws://localhost:8080',
        ws: true,
        changeOrigin: true,
        configure: (proxy) => proxy.on('proxyReqWs', (req) => req.setHeader('origin', 'http://localhost:8080')),
      },
    },
  },
});
