import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dev server proxies the API to a locally running server (npm run start, PORT=8090); the build
// lands in apps/web/dist, which the server serves in production. Pages are split by route with
// React.lazy, so ECharts is only loaded by the pages that draw charts.
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:8090' } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // ECharts core + bar chart is ~510 kB minified (~170 kB gzip) and only loads with the chart pages.
    chunkSizeWarningLimit: 600,
  },
});
