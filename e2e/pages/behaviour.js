/*
 * The page's own behaviour, to prove the extension leaves it alone: a click counter, and a
 * fingerprint of the body's markup taken after filling, exposed so the test can compare it later
 * (#page-check gets "markup unchanged" or "markup changed").
 */
(function () {
  'use strict';
  var button = document.getElementById('counter');
  var clicks = 0;
  if (button) {
    button.addEventListener('click', function () {
      clicks += 1;
      button.textContent = 'Clicked ' + clicks + ' time' + (clicks === 1 ? '' : 's');
    });
  }
  function fingerprint() {
    var check = document.getElementById('page-check');
    var saved = check ? check.textContent : '';
    if (check) check.textContent = '';
    var markup = document.body.innerHTML.replace(/Clicked \d+ times?/, '');
    if (check) check.textContent = saved;
    return markup;
  }
  var initial = null;
  document.addEventListener('DOMContentLoaded', function () {
    initial = fingerprint();
  });
  window.lensPageCheck = function () {
    var same = fingerprint() === initial;
    var check = document.getElementById('page-check');
    if (check) check.textContent = same ? 'markup unchanged' : 'markup changed';
    return same;
  };
})();
