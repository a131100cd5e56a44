// What the type check (tsconfig.json) cannot see in web/*.js.

// The engines' Emscripten factories: each page's engine script defines one (build/wasm/*.js, inlined after the
// page's own script). Their instances are embind objects, used as the README's JSON contract says.
type EngineFactory = (options?: { instantiateWasm?(imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void): object }) => Promise<any>;
declare const createYibaoEngine: EngineFactory;
declare const createYibaoBatch: EngineFactory;
declare const createYibaoWorkbench: EngineFactory;

// Uint8Array.fromBase64 (Chromium 140, Safari 18.2, Firefox 133), which web/boot.js uses where the browser has it.
interface Uint8ArrayConstructor {
  fromBase64?(base64: string): Uint8Array;
}
