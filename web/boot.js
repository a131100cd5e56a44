// Starts inflating and compiling the engine's wasm as soon as the wasm is read: each page's first script, a small
// classic one of its own right after #engine-wasm (web/page.html, web/rules.html), so the browser compiles on its
// own threads while this thread parses and runs the page's bundled script and the engine's. Inside the bundle the
// compile began only once the whole bundle was parsed (yibao:boot at 116 ms against 31 ms; README, "Figures").
// It defines the global YibaoBoot, which app.js, batch.js and the workbench wait on. The performance marks
// yibao:boot, yibao:compiled (and app.js's) time the start in make bench. null where the browser cannot run the
// engine (each page says so).
/* exported YibaoBoot */
var YibaoBoot = (function () {
  'use strict';
  performance.mark('yibao:boot');
  if (typeof WebAssembly !== 'object' || typeof DecompressionStream !== 'function') return null;

  // A payload inlined gzip-compressed and base64-encoded in the element `id` (the wasm in #engine-wasm, the rulesets
  // in #rulesets), as a stream
  // of its inflated bytes.
  function inflate(id) {
    const base64 = document.getElementById(id).textContent.trim();
    // Uint8Array.fromBase64 (Chromium 140, Safari 18.2, Firefox 133) takes a millisecond where the loop takes five.
    const bytes = typeof Uint8Array.fromBase64 === 'function' ? Uint8Array.fromBase64(base64) : (() => {
      const text = atob(base64);
      const decoded = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) decoded[i] = text.charCodeAt(i);
      return decoded;
    })();
    // A stream over the bytes themselves, not a Blob's: Chromium reads a Blob through another process, and the
    // module was then ready only after the page's scripts had run (README, "Figures").
    const gzipped = new ReadableStream({ start(source) { source.enqueue(bytes); source.close(); } });
    return gzipped.pipeThrough(new DecompressionStream('gzip'));
  }

  const wasm = new Response(inflate('engine-wasm'), { headers: { 'Content-Type': 'application/wasm' } });
  const compiled = typeof WebAssembly.compileStreaming === 'function' ? WebAssembly.compileStreaming(wasm)
    : wasm.arrayBuffer().then((buffer) => WebAssembly.compile(buffer));
  // A failure is reported by whoever asks for the engine.
  compiled.then(() => performance.mark('yibao:compiled'), () => {});

  // The bytes of such a payload, as a Uint8Array; none where it does not inflate (a damaged copy of the page), which
  // the engine and the workbench report as damaged data, not as the browser's failure.
  const bytes = (id) => new Response(inflate(id)).arrayBuffer().then((buffer) => new Uint8Array(buffer), () => new Uint8Array());

  return {
    bytes,  // the workbench's page templates
    // A page's rulesets in the engine's compact form (#rulesets, which web/page.html puts before this script, so that
    // they inflate while the page is read: after it, the page waited 30 ms on them); null in the workbench, whose
    // rulesets come later, as JSON.
    rulesets: document.getElementById('rulesets') ? bytes('rulesets') : null,
    module: compiled,  // the compiled WebAssembly.Module, which a worker may instantiate too
    // The engine: `create` (the Emscripten factory, createYibaoEngine or createYibaoWorkbench) over that module.
    engine: (create) => compiled.then((module) => new Promise((resolve, reject) => {
      create({
        instantiateWasm(imports, done) {
          WebAssembly.instantiate(module, imports).then((instance) => done(instance, module), reject);
          return {};
        },
      }).then(resolve, reject);
    })),
  };
})();
