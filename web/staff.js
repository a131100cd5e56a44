// The staff page (dist/batch.html, 批量测算): its modules in the order they start, bundled by web/build.mjs into the
// page's own script, which comes after web/boot.js's.
import './display.js';
import './batch.js';
