// Starts inflating and compiling the engine's wasm as soon as the page has parsed it, before the page's other
// scripts: the browser compiles on its own threads, while this thread parses and runs them. app.js waits for it.
// The wasm travels gzip-compressed and base64-encoded in #engine-wasm.
globalThis.yibaoWasm = (function () {
  'use strict';
  if (typeof WebAssembly !== 'object' || typeof DecompressionStream !== 'function') return null;
  const text = atob(document.getElementById('engine-wasm').textContent.trim());
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  const wasm = new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip')),
    { headers: { 'Content-Type': 'application/wasm' } });
  const compiled = typeof WebAssembly.compileStreaming === 'function' ? WebAssembly.compileStreaming(wasm)
    : wasm.arrayBuffer().then((buffer) => WebAssembly.compile(buffer));
  compiled.catch(() => {});  // app.js reports a failure when it waits for the module
  return compiled;
})();
