// Dates and amounts as the page writes them, shared by the household form (app.js) and 批量测算 (batch.js).
globalThis.YibaoFormat = (function () {
  'use strict';

  const pad = (n) => String(n).padStart(2, '0');
  // A Date as YYYY-MM-DD in the device's time zone, as people read their calendar.
  const isoOf = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const todayIso = () => isoOf(new Date());
  // Fen as yuan: whole yuan without decimals, else two.
  const yuan = (fen) => `${fen % 100 ? (fen / 100).toFixed(2) : fen / 100}元`;

  return { pad, isoOf, todayIso, yuan };
})();
