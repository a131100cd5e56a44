// Starts inflating and compiling the engine's wasm as soon as the page has parsed it, before the page's other
// scripts: the browser compiles on its own threads, while this thread parses and runs them. app.js waits for it.
// The wasm travels gzip-compressed and base64-encoded in #engine-wasm. The performance marks yibao:boot, yibao:compiled
// (and app.js's) time the start in make bench.
performance.mark('yibao:boot');
globalThis.yibaoWasm = (function () {
  'use strict';
  if (typeof WebAssembly !== 'object' || typeof DecompressionStream !== 'function') return null;
  const text = atob(document.getElementById('engine-wasm').textContent.trim());
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  // A stream over the bytes themselves, not a Blob's: Chromium reads a Blob through another process, and the module
  // was then ready only after the page's scripts had run (README, "Figures").
  const gzipped = new ReadableStream({ start(source) { source.enqueue(bytes); source.close(); } });
  const wasm = new Response(gzipped.pipeThrough(new DecompressionStream('gzip')),
    { headers: { 'Content-Type': 'application/wasm' } });
  const compiled = typeof WebAssembly.compileStreaming === 'function' ? WebAssembly.compileStreaming(wasm)
    : wasm.arrayBuffer().then((buffer) => WebAssembly.compile(buffer));
  // app.js reports a failure when it waits for the module
  compiled.then(() => performance.mark('yibao:compiled'), () => {});
  return compiled;
})();
