// Yibao embed host script: sizes each Yibao iframe on this page to the height its page reports, so the
// estimator never shows a scroll bar of its own. Include it once, anywhere on the host page.
// The message is {sentinel: 'amp', type: 'embed-size', height}; the iframe is the one that sent it.
(function () {
  'use strict';
  var MAX_HEIGHT = 20000; // a bound, so that no framed page can make the host page endless

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.sentinel !== 'amp' || data.type !== 'embed-size') return;
    var height = Number(data.height);
    if (!(height > 0)) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.min(Math.ceil(height), MAX_HEIGHT) + 'px';
        return;
      }
    }
  });
})();
