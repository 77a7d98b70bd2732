// The visit form and log of a team member (/visits/new, /visits), loaded by those pages only. A visit is kept in the
// phone's storage (localStorage 'bdhvs.visits') before anything else, so a closed tab or a phone without signal loses
// nothing, then sent to POST /api/visits and removed only once the server answered 2xx. The server keeps a visit once
// by its id, so sending it again is harmless. Without this file the form posts as an ordinary form.
(function () {
  'use strict';
  var QUEUE = 'bdhvs.visits';
  var form = document.getElementById('visit-form');
  var log = document.getElementById('visit-queue');
  var holder = form || log;
  var status = document.getElementById('visit-status');
  var sending = false;
  var timer = 0;
  if (!holder) {
    return;
  }

  function text(name, values) {
    return (holder.getAttribute('data-' + name) || '').replace(/\{(\d)\}/g, function (_, i) { return values ? values[+i] : ''; });
  }

  function say(message, wrong) {
    if (status) {
      status.hidden = !message;
      status.textContent = message;
      status.className = 'result' + (wrong ? ' wrong' : ' right');
    }
  }

  function load() {
    try {
      var items = JSON.parse(localStorage.getItem(QUEUE));
      return Array.isArray(items) ? items : [];
    } catch (e) {
      return [];
    }
  }

  function store(items) {
    localStorage.setItem(QUEUE, JSON.stringify(items));
  }

  // A new id (UUID) made by the phone: site.js's, which the layout loads before this file.
  var newId = window.bdhvsNewId;

  function today() {
    var now = new Date();
    return now.getFullYear() + '-' + ('0' + (now.getMonth() + 1)).slice(-2) + '-' + ('0' + now.getDate()).slice(-2);
  }

  function day(iso) {
    var parts = (iso || '').split('-');
    return parts.length === 3 ? parts[2] + '/' + parts[1] + '/' + parts[0] : iso;
  }

  // Keep the form and the log for use without a connection (the service worker saves them with what they need).
  if ('serviceWorker' in navigator && window.caches) {
    navigator.serviceWorker.ready.then(function (registration) {
      registration.active.postMessage({ keep: ['/visits/new', '/visits'] });
    }).catch(function () { });
  }

  function people() {
    return Array.prototype.slice.call(form.querySelectorAll('fieldset.visit-person'));
  }

  function field(person, name) {
    return person.querySelector('[name$="].' + name + '"]');
  }

  // A saved copy of the form carries the ids it was sent with: every visit and person gets fresh ones here.
  function freshIds() {
    form.elements.visitId.value = newId();
    people().forEach(function (person) { field(person, 'personId').value = newId(); });
  }

  function renumber(person, index) {
    person.setAttribute('data-index', index);
    person.querySelector('legend').textContent = text('person', [index + 1]);
    Array.prototype.forEach.call(person.querySelectorAll('[name],[id],[for],[aria-describedby]'), function (node) {
      ['name', 'id', 'for', 'aria-describedby'].forEach(function (attribute) {
        var value = node.getAttribute(attribute);
        if (value) {
          node.setAttribute(attribute, value.replace(/people\[\d+\]/, 'people[' + index + ']').replace(/people-\d+-/, 'people-' + index + '-'));
        }
      });
    });
  }

  function clear(person) {
    Array.prototype.forEach.call(person.querySelectorAll('input'), function (input) {
      if (input.type === 'checkbox') {
        input.checked = false;
      } else if (input.type === 'radio') {
        input.checked = input.value === 'phone';
      } else if (input.type !== 'hidden') {
        input.value = '';
      }
      input.removeAttribute('aria-invalid');
    });
    Array.prototype.forEach.call(person.querySelectorAll('details'), function (details) { details.open = false; });
    field(person, 'personId').value = newId();
  }

  function addPerson() {
    var all = people();
    var copy = all[all.length - 1].cloneNode(true);
    renumber(copy, all.length);
    clear(copy);
    all[all.length - 1].parentNode.insertBefore(copy, all[all.length - 1].nextSibling);
    field(copy, 'fullName').focus();
  }

  function visitOf() {
    var place = (form.elements.place.value || '').split('|');
    var select = form.elements.place;
    return {
      visitId: form.elements.visitId.value,
      teamId: place[0],
      villageId: place.slice(1).join('|'),
      villageName: select.selectedIndex >= 0 ? select.options[select.selectedIndex].text : '',
      visitedOn: form.elements.visitedOn.value,
      note: form.elements.note.value,
      recordedAt: new Date().toISOString(),
      people: people().map(function (person) {
        var kind = person.querySelector('input[type=radio]:checked');
        kind = kind ? kind.value : 'phone';
        var number = field(person, 'phone').value.trim();
        var year = field(person, 'birthYear').value;
        return {
          personId: field(person, 'personId').value,
          kind: kind,
          phone: kind === 'household' || !number ? null : number,
          householdPhone: kind === 'household' && number ? number : null,
          fullName: field(person, 'fullName').value,
          birthYear: year ? +year : null,
          consent: field(person, 'consent').checked,
          lessons: Array.prototype.map.call(person.querySelectorAll('input[name$="].lessons"]:checked'), function (box) {
            var slugs = box.value.split('/');
            return { course: slugs[0], lesson: slugs.slice(1).join('/') };
          })
        };
      })
    };
  }

  function keep(visit) {
    var items = load().filter(function (item) { return item.visitId !== visit.visitId; });
    items.push(visit);
    store(items);
  }

  function reset() {
    people().slice(1).forEach(function (person) { person.parentNode.removeChild(person); });
    clear(people()[0]);
    form.elements.note.value = '';
    form.elements.visitId.value = newId();
  }

  function showQueue() {
    var list = document.getElementById('visit-waiting');
    var button = document.getElementById('visit-send');
    if (!list) {
      return;
    }
    var items = load();
    list.textContent = '';
    if (!items.length) {
      var none = document.createElement('li');
      none.textContent = text('none');
      list.appendChild(none);
    }
    items.forEach(function (item) {
      var entry = document.createElement('li');
      entry.setAttribute('data-visit', item.visitId);
      entry.textContent = text('item', [day(item.visitedOn), item.villageName || item.villageId, (item.people || []).length]);
      if (item.problem) {
        var problem = document.createElement('p');
        problem.className = 'result wrong';
        problem.textContent = text('refused', [item.problem]);
        entry.appendChild(problem);
        var discard = document.createElement('button');
        discard.type = 'button';
        discard.className = 'secondary';
        discard.textContent = text('discard');
        discard.addEventListener('click', function () {
          store(load().filter(function (other) { return other.visitId !== item.visitId; }));
          showQueue();
        });
        entry.appendChild(discard);
      }
      list.appendChild(entry);
    });
    if (button) {
      button.hidden = false;
    }
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(send, 30000);
  }

  // Sends the queue one visit at a time, oldest first; a refused visit keeps its reason and the rest go on.
  function send(retryRefused) {
    var items = load().filter(function (item) { return retryRefused || !item.problem; });
    if (sending || !items.length) {
      return;
    }
    if (!navigator.onLine) {
      say(text('offline'));
      return later();
    }
    sending = true;
    var sent = 0;
    (function next(index) {
      if (index >= items.length) {
        sending = false;
        showQueue();
        if (sent) {
          say(text('sent', [new Date().toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' })]));
          if (log && !load().length) {
            location.replace('/visits');
          }
        }
        return;
      }
      var item = items[index];
      fetch('/api/visits', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: JSON.stringify(item)
      }).then(function (response) {
        if (response.ok) {
          sent++;
          store(load().filter(function (other) { return other.visitId !== item.visitId; }));
          return next(index + 1);
        }
        if (response.status === 401) {
          sending = false;
          showQueue();
          return say(text('signin'), true);
        }
        if (response.status >= 500 || response.status === 429) {
          sending = false;
          showQueue();
          return later();
        }
        return response.json().catch(function () { return {}; }).then(function (problem) {
          var items = load();
          items.forEach(function (other) {
            if (other.visitId === item.visitId) {
              other.problem = problem.detail || String(response.status);
            }
          });
          store(items);
          next(index + 1);
        });
      }).catch(function () {
        sending = false;
        say(text('offline'));
        showQueue();
        later();
      });
    })(0);
  }

  if (form) {
    freshIds();
    form.elements.visitedOn.value = today();
    var more = form.querySelector('[data-add-person]');
    if (more) {
      more.addEventListener('click', function (event) {
        event.preventDefault();
        addPerson();
      });
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      try {
        keep(visitOf());
      } catch (e) {
        // Storage full or refused: the ordinary form post still records the visit while there is a connection.
        form.submit();
        return;
      }
      reset();
      send();
      // Said after send(): without a connection it says so, and this says more.
      say(text('kept'));
      window.scrollTo(0, 0);
    });
  }
  var now = document.getElementById('visit-send');
  if (now) {
    now.addEventListener('click', function () { send(true); });
  }
  window.addEventListener('online', function () { send(); });
  showQueue();
  holder.setAttribute('data-ready', '');
  send();
})();
