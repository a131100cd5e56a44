// The pages' scripts. Each page's own: its entry module (web/family.js, web/staff.js, web/workbench.js) and all it
// imports, bundled by esbuild into one classic script (an IIFE, which an inline <script> under the pages' CSP can
// run). That and the engine's Emscripten script are minified by Terser (comments, whitespace and local names gone),
// which leaves the family page 1.2 KB less gzip than esbuild's own minifier. web/build.mjs and the tests both make
// them through here.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';

export async function minifyScript(name, text) {
  const { code } = await minify({ [name]: text }, { ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  return code;
}

export async function bundleScript(entry) {
  const { outputFiles } = await build({
    entryPoints: [fileURLToPath(new URL(`${entry}.js`, import.meta.url))],
    bundle: true, format: 'iife', target: 'es2022', charset: 'utf8', legalComments: 'none', write: false,
  });
  return minifyScript(entry, outputFiles[0].text);
}
