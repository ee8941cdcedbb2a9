// Bundles the server and the CLI into dist/ with esbuild. Workspace packages (@zhiping/*, TypeScript
// sources) are bundled in; npm dependencies stay external and load from node_modules.
import { build } from 'esbuild';
import fs from 'node:fs';

const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies ?? {}).filter((d) => !d.startsWith('@zhiping/'));

await build({
  entryPoints: { main: 'src/main.ts', cli: 'src/cli/cli.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external: [...external, ...external.map((e) => `${e}/*`)],
  banner: { js: "import { createRequire as __zpCreateRequire } from 'node:module'; const require = __zpCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
console.log('server built: dist/main.js, dist/cli.js');
