// The family page (dist/yibao.html): its modules in the order they start. web/build.mjs bundles this entry into the
// page's one script. The engine's compile starts first; 大字模式 is set before anything is drawn; the share part
// listens before the form answers.
import './boot.js';
import './display.js';
import './share.js';
import './app.js';
