// The family page (dist/yibao.html): its modules in the order they start. web/build.mjs bundles this entry into the
// page's own script, which comes after web/boot.js's (the engine's compile is started by then). 大字模式 is set before
// anything is drawn; the share part listens before the form answers.
import './display.js';
import './share.js';
import './app.js';
