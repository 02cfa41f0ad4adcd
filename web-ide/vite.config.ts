import { defineConfig } from 'vite';

// The build lands where Quarkus serves static files from a dependency jar.
export default defineConfig({
  build: {
    outDir: 'target/classes/META-INF/resources',
    emptyOutDir: true,
    // Monaco is one large chunk by nature; the editor is the page.
    chunkSizeWarningLimit: 5000,
  },
  server: {
    proxy: { '/api': 'http://localhost:8080', '/q': 'http://localhost:8080' },
  },
});
