// A one-event iCalendar file (RFC 5545), made on the device: an all-day event with a reminder three days before.
export default (function () {
  'use strict';

  // TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 3.3.11).
  const escapeText = (text) => text.replace(/[\\;,]/g, '\\$&').replace(/\r?\n/g, '\\n');

  // Content lines are folded at 75 octets (3.1): a continuation starts with a space, and a character's UTF-8
  // bytes are never split across lines.
  function fold(line) {
    const encoder = new TextEncoder();
    const lines = [];
    let current = '';
    let octets = 0;
    for (const ch of line) {
      const size = encoder.encode(ch).length;
      if (octets + size > 75) {
        lines.push(current);
        current = ' ';
        octets = 1;
      }
      current += ch;
      octets += size;
    }
    lines.push(current);
    return lines.join('\r\n');
  }

  function uid() {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return `${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}@yibao`;
  }

  // date: 'YYYY-MM-DD'; summary and description: plain text. Returns the file's text, CRLF line ends.
  function reminder({ date, summary, description, now = new Date() }) {
    const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
    const lines = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Yibao//Resident medical insurance estimator//ZH',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
      `UID:${uid()}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${date.replace(/-/g, '')}`,
      `SUMMARY:${escapeText(summary)}`,
      `DESCRIPTION:${escapeText(description)}`,
      'BEGIN:VALARM',
      'TRIGGER:-P3D',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeText(summary)}`,
      'END:VALARM',
      'END:VEVENT',
      'END:VCALENDAR',
    ];
    return `${lines.map(fold).join('\r\n')}\r\n`;
  }

  return { reminder };
})();
