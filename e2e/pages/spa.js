/*
 * A page that keeps changing, as web apps do:
 * - after load, the feed renders one item per roster name given (n0, n1, … except n2, n3), 400 ms apart;
 * - then "Renamed" changes its text from o0 (not in the roster) to n2 (characterData);
 * - then the element holding n3 is removed (its mark must go);
 * - all along, a ticker rewrites a number every 50 ms (it must not make the extension spin).
 * #phase gets data-phase="done" when the sequence is over.
 */
(function () {
  'use strict';
  var people = window.lensPeople;
  var ticker = document.getElementById('ticker');
  var ticks = 0;
  setInterval(function () {
    ticks += 1;
    ticker.firstChild.data = String(ticks);
  }, 50);

  var feedNames = people.n.filter(function (_, i) {
    return i !== 2 && i !== 3;
  });
  var feed = document.getElementById('feed');
  var phase = document.getElementById('phase');

  function addItem(i) {
    if (i >= feedNames.length) {
      setTimeout(rename, 400);
      return;
    }
    var li = document.createElement('li');
    var who = document.createElement('span');
    who.setAttribute('data-expect', 'n' + people.n.indexOf(feedNames[i]));
    who.textContent = feedNames[i];
    li.append('New message from ', who, ' about the term sheet.');
    feed.append(li);
    setTimeout(function () {
      addItem(i + 1);
    }, 400);
  }

  function rename() {
    var span = document.getElementById('renamed');
    span.firstChild.data = people.n[2] || '';
    setTimeout(removeLeaving, 400);
  }

  function removeLeaving() {
    var box = document.getElementById('leaving-box');
    box.remove();
    phase.setAttribute('data-phase', 'done');
    phase.textContent = 'Done.';
  }

  window.addEventListener('load', function () {
    setTimeout(function () {
      addItem(0);
    }, 300);
  });
})();
