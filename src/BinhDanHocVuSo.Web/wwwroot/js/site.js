// Progressive enhancement for phones: every page works without this file. It adds offline reading (service
// worker), an outbox for quiz answers and practice runs made offline, survey answers saved as they are chosen,
// read-aloud, and print buttons.
// Sent on every lesson's first load (≤ 14 KB with the page): the code keeps its comments short, in its commit history.
(function () {
  'use strict';
  window.bdhvsNewId = newId; // for visits.js, which runs after this file
  var OUTBOX = 'bdhvs.outbox';
  var status = document.getElementById('outbox');
  var path = location.pathname.split('/');
  var course = path[1] === 'c' ? decodeURIComponent(path[2] || '') : '';

  function format(text, values) {
    return text.replace(/\{(\d)\}/g, function (_, i) { return values[+i]; });
  }

  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }

  var refresh = document.querySelector('[data-refresh]');
  if (refresh) {
    setTimeout(function () { location.reload(); }, 1000 * (+refresh.getAttribute('data-refresh') || 3));
  }

  if ('serviceWorker' in navigator && window.caches) {
    navigator.serviceWorker.register('/sw.js').then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      if (course && path.length === 4 && path[3] !== 'poster' && !document.querySelector('[data-attempt]')) {
        registration.active.postMessage({ keep: ['/c/' + path[2], location.pathname] });
      }
    }).catch(function () { });
  }

  function load() {
    try {
      return JSON.parse(localStorage.getItem(OUTBOX)) || [];
    } catch (e) {
      return [];
    }
  }

  function store(items) {
    try {
      localStorage.setItem(OUTBOX, JSON.stringify(items));
    } catch (e) { }
  }

  function remove(id) {
    store(load().filter(function (item) { return item.id !== id; }));
  }

  function showWaiting() {
    var count = load().length;
    if (count && status) {
      say(format(status.getAttribute('data-waiting'), [count]));
    }
  }

  function retryLater() {
    showWaiting();
    clearTimeout(retryLater.timer);
    retryLater.timer = setTimeout(send, 30000);
  }

  function newId() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 15) | 64;
    bytes[8] = (bytes[8] & 63) | 128;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join('');
    return hex.replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
  }

  function answersOf(form) {
    var answers = {};
    var steps = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      var name = field.name || '';
      var order = /^o\.(.+)\.([^.]+)$/.exec(name);
      if (name.indexOf('q.') === 0 && (field.checked || (field.type !== 'radio' && field.type !== 'checkbox' && field.value))) {
        (answers[name.slice(2)] = answers[name.slice(2)] || []).push(field.value);
      } else if (order && field.value) {
        (steps[order[1]] = steps[order[1]] || []).push([+field.value, order[2]]);
      }
    });
    Object.keys(steps).forEach(function (question) {
      answers[question] = steps[question].sort(function (a, b) { return a[0] - b[0]; }).map(function (s) { return s[1]; });
    });
    return answers;
  }

  function send() {
    var items = load();
    if (!items.length || !navigator.onLine) {
      return showWaiting();
    }
    var item = items[0];
    var run = item.practice;
    fetch('/api/courses/' + encodeURIComponent(item.course) + (run ? '/practices/' + encodeURIComponent(run) + '/runs' : '/quizzes/' + encodeURIComponent(item.quiz) + '/attempts'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(run ? { runId: item.id, steps: item.steps } : { attemptId: item.id, drawId: item.draw || null, answers: item.answers })
    }).then(function (response) {
      if (response.ok) {
        return response.json().then(function (result) {
          remove(item.id);
          var time = new Date().toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' });
          if (status && (!run || status.textContent)) {
            say(format(status.getAttribute(run ? 'data-run-sent' : 'data-sent'), [time, result.correct, result.total]));
          }
          showResult(item.id, result);
          if (load().length) {
            send();
          }
        });
      }
      if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
        remove(item.id); // refused for good (the page already showed why): sending again would not help
        return send();
      }
      retryLater();
    }).catch(retryLater);
  }

  // The words of a quiz's result, from the page (#quiz-words), for a quiz answered offline and sent later.
  var words = document.getElementById('quiz-words');

  function word(key) {
    return words ? words.getAttribute('data-' + key) : '';
  }

  // Beside the button the learner pressed: the answers are kept on the phone, and, once sent, the score.
  function noteOf(form) {
    var note = form.querySelector('.outbox-note');
    if (!note) {
      note = document.createElement('p');
      note.className = 'outbox-note';
      note.setAttribute('role', 'status');
      var button = form.querySelector('button[type=submit]');
      button.parentNode.insertBefore(note, button.nextSibling);
    }
    return note;
  }

  // The quiz answered offline is still on the page: its score beside the button, and under each question whether it
  // was right, the feedback on the options chosen and the explanation (the final quiz gives these once passed).
  function showResult(id, result) {
    var form = document.querySelector('form.quiz');
    if (!form || !form.elements.attemptId || form.elements.attemptId.value !== id || !words) {
      return;
    }
    noteOf(form).textContent = format(word('score'), [result.correct, result.total, result.scorePercent]);
    (result.questions || []).forEach(function (question) {
      var fieldset = document.getElementById('q-' + question.questionId);
      if (!fieldset) {
        return;
      }
      var shown = fieldset.querySelector('.sent-result') || document.createElement('div');
      shown.className = 'result sent-result ' + (question.isCorrect ? 'right' : 'wrong');
      shown.innerHTML = '<p><strong></strong></p>';
      shown.querySelector('strong').textContent = question.isCorrect ? word('right') : word('wrong');
      (question.feedbackHtml || []).forEach(function (html) {
        var p = document.createElement('p');
        p.innerHTML = html;
        shown.appendChild(p);
      });
      if (question.explanationHtml) {
        var p = document.createElement('p');
        p.innerHTML = '<strong></strong> ' + question.explanationHtml;
        p.querySelector('strong').textContent = word('explanation') + ':';
        shown.appendChild(p);
      }
      fieldset.appendChild(shown);
    });
    // Sending the form again is a new attempt.
    form.elements.attemptId.value = newId();
  }

  Array.prototype.forEach.call(document.querySelectorAll('form.quiz'), function (form) {
    if (form.elements.attemptId) {
      form.elements.attemptId.value = newId();
    }
    form.addEventListener('submit', function (event) {
      if (!course || !form.elements.attemptId) {
        return;
      }
      var id = form.elements.attemptId.value;
      var items = load().filter(function (item) { return item.id !== id; });
      var draw = form.elements.drawId ? form.elements.drawId.value : null;
      items.push({ id: id, draw: draw, course: course, quiz: form.getAttribute('data-quiz'), answers: answersOf(form), at: Date.now() });
      store(items);
      if (!navigator.onLine) {
        event.preventDefault();
        showWaiting();
        if (words) {
          noteOf(form).textContent = word('kept');
        }
      }
    });
  });

  var sent = document.querySelector('[data-attempt]');
  if (sent) {
    remove(sent.getAttribute('data-attempt'));
  }
  window.addEventListener('online', send);
  send();

  Array.prototype.forEach.call(document.querySelectorAll('form[data-autosave]'), function (form) {
    var note = form.querySelector('[data-autosave-note]');
    var answered = document.querySelector('[data-answered]');
    var waiting = [];
    var failed = [];
    var busy = false;

    function mark(fieldset, key) {
      var state = fieldset.querySelector('.save-state');
      if (!state) {
        state = document.createElement('p');
        state.className = 'save-state muted';
        state.setAttribute('role', 'status');
        fieldset.appendChild(state);
      }
      state.textContent = form.getAttribute(key);
      state.setAttribute('data-state', key.slice(5));
    }

    function save() {
      if (busy || !waiting.length) {
        return;
      }
      var fieldsets = waiting.concat(failed.filter(function (f) { return waiting.indexOf(f) < 0; }));
      waiting = [];
      failed = [];
      busy = true;
      fieldsets.forEach(function (f) { mark(f, 'data-saving'); });
      fetch(location.pathname + '?handler=save', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(new FormData(form)).toString()
      }).then(function (response) {
        if (!response.ok || response.redirected) {
          throw new Error('not saved: ' + response.status);
        }
        return response.json();
      }).then(function (result) {
        form.elements.shown.value = result.shown;
        if (answered) {
          answered.textContent = format(answered.getAttribute('data-answered'), [result.answered]);
        }
        fieldsets.forEach(function (f) { mark(f, 'data-saved'); });
      }).catch(function () {
        failed = failed.concat(fieldsets);
        fieldsets.forEach(function (f) { mark(f, 'data-failed'); });
      }).then(function () {
        busy = false;
        save();
      });
    }

    if (note) {
      note.textContent = note.getAttribute('data-autosave-note');
    }
    form.addEventListener('change', function (event) {
      var fieldset = event.target.closest && event.target.closest('fieldset');
      if (fieldset && waiting.indexOf(fieldset) < 0) {
        waiting.push(fieldset);
      }
      save();
    });
    window.addEventListener('online', function () {
      waiting = waiting.concat(failed);
      failed = [];
      save();
    });
  });

  var reader = document.getElementById('tts');
  var speech = window.speechSynthesis;
  if (reader && speech && window.SpeechSynthesisUtterance) {
    var play = reader.querySelector('[data-tts-play]');
    var stop = reader.querySelector('[data-tts-stop]');
    var voice = null;
    var parts = null;
    var at = 0;
    var current = null;

    var findVoice = function () {
      voice = speech.getVoices().filter(function (v) { return /^vi([-_]|$)/i.test(v.lang); })[0] || null;
      reader.hidden = !voice;
    };
    var textParts = function () {
      var article = document.getElementById(reader.getAttribute('data-for')).cloneNode(true);
      Array.prototype.forEach.call(article.querySelectorAll('form, img, script'), function (node) { node.remove(); });
      var title = document.querySelector('h1');
      var lines = ((title ? title.textContent + '.\n' : '') + article.innerText).split(/\n+/);
      return [].concat.apply([], lines.map(function (line) { return line.match(/[^.!?]+[.!?]*/g) || []; }))
        .map(function (s) { return s.trim(); }).filter(Boolean);
    };
    var label = function (key) {
      play.textContent = reader.getAttribute(key);
    };
    var speakNext = function () {
      if (at >= parts.length) {
        at = 0;
        current = null;
        stop.hidden = true;
        return label('data-play');
      }
      var utterance = new SpeechSynthesisUtterance(parts[at]);
      utterance.lang = 'vi-VN';
      try {
        utterance.voice = voice;
      } catch (e) { }
      utterance.onend = function () {
        if (current === utterance) {
          at++;
          speakNext();
        }
      };
      current = utterance;
      speech.speak(utterance);
    };

    findVoice();
    speech.addEventListener('voiceschanged', findVoice);
    play.addEventListener('click', function () {
      if (current) {
        current = null;
        speech.cancel();
        return label('data-resume');
      }
      parts = parts || textParts();
      label('data-pause');
      stop.hidden = false;
      speakNext();
    });
    stop.addEventListener('click', function () {
      current = null;
      speech.cancel();
      at = 0;
      stop.hidden = true;
      label('data-play');
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('.practice'), function (practice) {
    var screens = practice.querySelectorAll('[data-screen]');
    var stop = null;
    var run = newId();
    var taken = [];
    if (!practice.querySelector('[data-screen="' + practice.getAttribute('data-start') + '"]')) {
      return; // a screen the server played (the page without this script): its buttons ask the server
    }

    function report() {
      if (!course) {
        return;
      }
      var items = load();
      items.push({ id: run, course: course, practice: practice.getAttribute('data-practice'), steps: taken.join('.') });
      store(items);
      send();
      run = newId();
      taken = [];
    }

    function screen(id) {
      return practice.querySelector('[data-screen="' + id + '"]');
    }

    function show(target, note) {
      Array.prototype.forEach.call(screens, function (s) { s.hidden = s !== target; });
      if (stop) {
        stop.remove();
        stop = null;
      }
      var slot = target.querySelector('[data-note]');
      slot.innerHTML = note || '';
      slot.hidden = !note;
      target.querySelector('h3').focus();
    }

    practice.addEventListener('click', function (event) {
      var button = event.target.closest && event.target.closest('button[data-i]');
      if (!button) {
        return;
      }
      event.preventDefault();
      var form = button.form;
      var explain = form.querySelector('template[data-explain="' + button.getAttribute('data-i') + '"]');
      var note = explain ? explain.innerHTML : '';
      var go = button.getAttribute('data-go');
      taken.push(button.getAttribute('data-i'));
      if (go) {
        show(screen(go), note);
        return screen(go).hasAttribute('data-end') && report();
      }
      report();
      form.hidden = true;
      stop = document.createElement('div');
      stop.className = 'screen trap';
      stop.setAttribute('role', 'alert');
      stop.innerHTML = '<h3 tabindex="-1"></h3><p></p><button type="button"></button>';
      stop.querySelector('h3').textContent = practice.getAttribute('data-stop');
      stop.querySelector('p').innerHTML = note;
      stop.querySelector('button').textContent = practice.getAttribute('data-retry');
      stop.querySelector('button').addEventListener('click', function () {
        show(screen(practice.getAttribute('data-start')));
      });
      practice.querySelector('.phone-screen').appendChild(stop);
      stop.querySelector('h3').focus();
    });
  });

  // Poster scans (issue 21): /q/CODE opens this page with #q=CODE (a GET never writes). The scan waits here until
  // POST /api/posters/CODE/scans takes it; its id, made once, makes a resend count once.
  var SCANS = 'bdhvs.scans';
  var scans;
  try {
    scans = JSON.parse(localStorage.getItem(SCANS)) || [];
  } catch (e) {
    scans = [];
  }
  var scanned = /^#q=([A-Za-z0-9]{1,16})$/.exec(location.hash);
  if (scanned) {
    history.replaceState(null, '', location.pathname + location.search);
    scans.push({ id: newId(), code: scanned[1] });
  }

  function sendScan() {
    try {
      localStorage.setItem(SCANS, JSON.stringify(scans));
    } catch (e) { }
    var scan = scans[0];
    if (!scan || !navigator.onLine || sendScan.busy) {
      return;
    }
    sendScan.busy = fetch('/api/posters/' + scan.code + '/scans', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ scanId: scan.id })
    }).then(function (response) {
      sendScan.busy = null;
      if (response.status < 500 && response.status !== 408 && response.status !== 429) {
        scans = scans.filter(function (s) { return s !== scan; });
        sendScan(); // counted, or refused for good (an unknown code): sending again would not help
      }
    }, function () {
      sendScan.busy = null;
    });
  }
  window.addEventListener('online', sendScan);
  sendScan();

  Array.prototype.forEach.call(document.querySelectorAll('[data-print]'), function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  });
})();
