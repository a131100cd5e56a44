// 大字模式: larger text and targets for whoever needs them. It is stored on the device only while the user ticks
// 记住; otherwise nothing is kept. It runs before the engine loads, so the fallback fee tables get it too.
(function () {
  'use strict';

  const KEY = 'yibao.large-text';
  const root = document.documentElement;
  const button = document.getElementById('large-text');
  const remember = /** @type {HTMLInputElement} */ (document.getElementById('remember-display'));

  // Storage may be switched off or refused (a sandboxed frame, strict privacy settings): then nothing is kept.
  function storage() {
    try {
      return window.localStorage;
    } catch {
      return null;
    }
  }

  function apply(on) {
    root.classList.toggle('large', on);
    button.setAttribute('aria-pressed', String(on));
  }

  function store() {
    const place = storage();
    if (!place) return;
    if (remember.checked) place.setItem(KEY, root.classList.contains('large') ? '1' : '0');
    else place.removeItem(KEY);
  }

  const place = storage();
  const saved = place ? place.getItem(KEY) : null;
  apply(saved === '1');
  remember.checked = saved !== null;
  remember.disabled = !place;
  button.addEventListener('click', () => { apply(!root.classList.contains('large')); store(); });
  remember.addEventListener('change', store);
  document.getElementById('display').hidden = false;
})();
