/*
 * Generates a long page, deterministically: `kb` kilobytes of text (default 1024) in paragraphs,
 * with `marks` occurrences (default 10000) of the roster names given as n=… spread evenly, and
 * the non-roster names o=… mixed in as often. Query: huge.html?kb=1024&marks=10000&n=…&n=…&o=…
 * Sets data-expected-marks and data-text-length on <body> when done.
 */
(function () {
  'use strict';
  var query = new URLSearchParams(location.search);
  var kb = Number(query.get('kb') || 1024);
  var marks = Number(query.get('marks') || 10000);
  var names = window.lensPeople.n;
  var others = window.lensPeople.o;
  var words = (
    'the of and to in is was for on that with as by at from his her an were which this be are ' +
    'fund round board seed growth market partner portfolio meeting quarter revenue team product ' +
    'launch customer hiring series capital term sheet valuation pipeline deal note update call'
  ).split(' ');
  var seed = 42;
  function random() {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  }
  var targetChars = kb * 1024;
  var paragraphChars = 400;
  var paragraphs = Math.max(1, Math.round(targetChars / paragraphChars));
  var perParagraph = names.length > 0 ? marks / paragraphs : 0;
  var owed = 0;
  var placed = 0;
  var total = 0;
  var lastWasName = false;
  // Two names in a row ("Ada Lovelace Grace Hopper") are not prose: a joining word goes between.
  function pushName(parts, name) {
    if (lastWasName) parts.push('and');
    parts.push(name);
    lastWasName = true;
    placed += 1;
    return name.length + 1 + (parts[parts.length - 2] === 'and' ? 4 : 0);
  }
  var container = document.getElementById('huge');
  var fragment = document.createDocumentFragment();
  for (var p = 0; p < paragraphs; p++) {
    owed += perParagraph;
    var parts = [];
    var length = 0;
    var wanted = Math.floor(owed);
    owed -= wanted;
    var slots = [];
    for (var k = 0; k < wanted; k++) slots.push(Math.floor(random() * paragraphChars));
    slots.sort(function (a, b) {
      return a - b;
    });
    lastWasName = false;
    while (length < paragraphChars) {
      if (slots.length > 0 && length >= slots[0]) {
        slots.shift();
        length += pushName(parts, names[placed % names.length]);
        continue;
      }
      var other = others.length > 0 && random() < 0.01;
      var piece = other
        ? others[Math.floor(random() * others.length)]
        : words[Math.floor(random() * words.length)];
      // Someone else's name is a name too: "Jane Doe Ada Lovelace" is not prose either.
      if (other && lastWasName) parts.push('and');
      parts.push(piece);
      lastWasName = other;
      length += piece.length + 1;
    }
    while (slots.length > 0) {
      slots.shift();
      pushName(parts, names[placed % names.length]);
    }
    var text = parts.join(' ') + '.';
    total += text.length;
    var el = document.createElement('p');
    el.textContent = text;
    fragment.appendChild(el);
  }
  container.appendChild(fragment);
  document.body.setAttribute('data-expected-marks', String(placed));
  document.body.setAttribute('data-text-length', String(total));
})();
