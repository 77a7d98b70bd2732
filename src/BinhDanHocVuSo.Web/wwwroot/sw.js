// Service worker of Bình dân học vụ số: lessons a learner has opened keep working without a connection.
// Pages: network first, the saved copy when offline. CSS, JS and images: their addresses carry a fingerprint
// (or never change), so the saved copy is used first. Quiz answers are not handled here: /js/site.js keeps them
// in an outbox and sends them through the JSON API when the connection returns.
'use strict';
var PAGES = 'bdhvs-pages-v1';
var ASSETS = 'bdhvs-assets-v1';
var OFFLINE = '/offline';

self.addEventListener('install', function (event) {
  event.waitUntil(keep([OFFLINE]).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name !== PAGES && name !== ASSETS; })
      .map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

// A lesson page asks to keep itself and its course page (see site.js), with what they need to show.
self.addEventListener('message', function (event) {
  if (event.data && Array.isArray(event.data.keep)) {
    event.waitUntil(keep(event.data.keep.filter(isPage)));
  }
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.indexOf('/api/') === 0) {
    return;
  }
  if (request.mode === 'navigate' && request.method === 'POST') {
    // A quiz sent while the connection drops: site.js already kept it in the outbox; show the saved page again.
    event.respondWith(fetch(request).catch(function () { return Response.redirect(url.pathname, 303); }));
  } else if (request.method !== 'GET') {
    return;
  } else if (isAsset(url.pathname)) {
    event.respondWith(caches.match(request).then(function (saved) {
      return saved || fetch(request).then(function (response) {
        if (response.ok) {
          var copy = response.clone();
          caches.open(ASSETS).then(function (cache) { return cache.put(request, copy); });
        }
        return response;
      });
    }));
  } else if (request.mode === 'navigate') {
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok && !response.redirected && isPage(url.pathname)) {
        var copy = response.clone();
        caches.open(PAGES).then(function (cache) { return cache.put(url.pathname, copy); });
      }
      return response;
    }).catch(function () {
      return caches.match(url.pathname).then(function (saved) { return saved || caches.match(OFFLINE); });
    }));
  }
});

function isAsset(path) {
  return /^\/(css|js|img)\//.test(path) || /^\/c\/[^\/]+\/media\//.test(path);
}

// Course and lesson pages, the home page, the offline page, and a team member's visit form and log (visits.js keeps
// the visits themselves); never posters, accounts or reports.
function isPage(path) {
  return path === '/' || path === OFFLINE || path === '/visits/new' || path === '/visits'
    || (/^\/c\/[^\/]+(\/[^\/]+)?$/.test(path) && !/\/poster$/.test(path));
}

// Saves pages fresh from the network, then the CSS, JS and images they refer to that are not saved yet.
function keep(paths) {
  return Promise.all(paths.map(function (path) {
    return fetch(path, { credentials: 'same-origin' }).then(function (response) {
      // Redirected (signed out, sent to sign in): not the page asked for.
      if (!response.ok || response.redirected) {
        return;
      }
      var copy = response.clone();
      return caches.open(PAGES).then(function (cache) { return cache.put(path, copy); })
        .then(function () { return response.text(); })
        .then(keepAssets);
    }).catch(function () { });
  }));
}

function keepAssets(html) {
  var found = [];
  var pattern = /(?:href|src)="(\/[^"]+)"/g;
  for (var match = pattern.exec(html); match; match = pattern.exec(html)) {
    var path = match[1].replace(/&amp;/g, '&');
    if (isAsset(path) && found.indexOf(path) < 0) {
      found.push(path);
    }
  }
  return caches.open(ASSETS).then(function (cache) {
    return Promise.all(found.map(function (path) {
      return cache.match(path).then(function (saved) {
        return saved || fetch(path).then(function (response) {
          return response.ok ? cache.put(path, response) : undefined;
        });
      }).catch(function () { });
    }));
  });
}
