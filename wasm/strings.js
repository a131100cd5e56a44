// embind's std::string conversion, replaced (linked with --js-library, which overrides Emscripten's own): Emscripten
// 3.1.6 copies a string's bytes one by one in JavaScript both ways and scans an answer twice for NUL bytes before
// decoding it. On the family page's first result, in code the browser had not yet optimised, that was 12 ms of a
// 300 ms profile (README, "Figures"). Here the browser's own TextEncoder, TextDecoder and TypedArray.set do it. A
// string's bytes are kept as they are: NUL bytes and a leading BOM included.
mergeInto(LibraryManager.library, {
  _embind_register_std_string__deps: ['$readLatin1String', '$registerType', '$simpleReadValueFromPointer',
                                      '$throwBindingError'],
  _embind_register_std_string: function(rawType, name) {
    name = readLatin1String(name);
    // std::string holds UTF-8; embind also registers std::basic_string<unsigned char>, whose bytes are Latin-1 text.
    var utf8 = name === 'std::string';
    var decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    var encoder = new TextEncoder();
    registerType(rawType, {
      name: name,
      'fromWireType': function(value) {
        var length = HEAPU32[value >> 2];
        var bytes = HEAPU8.subarray(value + 4, value + 4 + length);
        var str = '';
        if (utf8) {
          str = decoder.decode(bytes);
        } else {
          for (var i = 0; i < length; i += 8192) str += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
        }
        _free(value);
        return str;
      },
      'toWireType': function(destructors, value) {
        if (value instanceof ArrayBuffer) value = new Uint8Array(value);
        var bytes = value;
        if (typeof value == 'string') {
          if (utf8) {
            bytes = encoder.encode(value);
          } else {
            bytes = new Uint8Array(value.length);
            for (var i = 0; i < value.length; ++i) {
              if (value.charCodeAt(i) > 255) throwBindingError('String has UTF-16 code units that do not fit in 8 bits');
              bytes[i] = value.charCodeAt(i);
            }
          }
        } else if (!(value instanceof Uint8Array || value instanceof Uint8ClampedArray || value instanceof Int8Array)) {
          throwBindingError('Cannot pass non-string to std::string');
        }
        var ptr = _malloc(4 + bytes.length + 1);
        HEAPU32[ptr >> 2] = bytes.length;
        HEAPU8.set(bytes, ptr + 4);
        HEAPU8[ptr + 4 + bytes.length] = 0;
        if (destructors !== null) destructors.push(_free, ptr);
        return ptr;
      },
      'argPackAdvance': 8,
      'readValueFromPointer': simpleReadValueFromPointer,
      destructorFunction: function(ptr) { _free(ptr); },
    });
  },
});
