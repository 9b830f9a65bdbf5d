/*! treatment-guide content checker (check.html): checks a content file in
 * this page with the checker's own WebAssembly module (crates/checker, loaded
 * from check-engine-<hash>.js: global wasm_bindgen and the module's bytes,
 * TG_CHECKER_WASM; no fetch, so it also runs opened from disk), lists the
 * problems, and previews the file in a <treatment-guide> through its
 * setContent(text) method (no blob: URL, so it works under the README's
 * Content-Security-Policy). It also makes the file's review sheet (a
 * printable HTML page for a medical reviewer), downloaded from the page
 * itself. Nothing is sent anywhere. Text from the file is
 * only ever set as text. When something stops the checker, the page says
 * what, and what to do. */
(function () {
  'use strict';
  var text = document.getElementById('text');
  var drop = document.getElementById('drop');
  var fileInput = document.getElementById('file');
  var fileName = document.getElementById('file-name');
  var summary = document.getElementById('summary');
  var problems = document.getElementById('problems');
  var gradesBox = document.getElementById('grades-box');
  var grades = document.getElementById('grades');
  var preview = document.getElementById('preview');
  var previewHint = document.getElementById('preview-hint');
  var sheetButton = document.getElementById('sheet');
  var sheetStatus = document.getElementById('sheet-status');
  /** The name of the review sheet a download saves. */
  var SHEET_FILE = 'review-sheet.html';
  var TAG = 'treatment-guide';
  /** The preview's element, once there is a file to show. */
  var guide = null;
  /** The checker module, once started: a Promise of the wasm-bindgen exports. */
  var engine = null;
  /** What the page's Content-Security-Policy refused since this script ran ("script-src wasm-eval"…). */
  var refused = [];
  var HINT = previewHint.textContent;
  /** What to do when the page was opened from disk, where browsers do not let it load the widget's code. */
  var FROM_DISK = 'The check above works here, but the preview cannot: browsers do not let a page opened from disk '
    + '(file://) load the guide\'s code. To see the preview, serve the folder with any local web server and open '
    + 'check.html from it. For example, in the folder that holds dist/, run "python3 -m http.server 8000" '
    + '(or "npx http-server -p 8000") and open http://localhost:8000/dist/check.html; '
    + 'or open check.html on the site where you host the guide.';

  document.addEventListener('securitypolicyviolation', function (event) {
    refused.push(event.effectiveDirective + ' ' + (event.blockedURI || 'inline'));
  });
  var timer = 0;
  var run = 0;

  function element(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  }

  function plural(count, word) {
    return count + ' ' + word + (count === 1 ? '' : 's');
  }

  /** Where a problem is: its line in the file and its JSON path. */
  function where(item) {
    var place = item.path || 'the whole file';
    if (item.line) place = 'line ' + item.line + ', ' + place;
    return place;
  }

  function showResults(items) {
    var found = items.filter(function (item) { return item.level !== 'info'; });
    var errors = found.filter(function (item) { return item.level === 'error'; }).length;
    var warnings = found.length - errors;
    problems.replaceChildren.apply(problems, found.map(function (item) {
      var li = element('li', 'problem problem-' + item.level);
      li.append(
        element('span', 'level level-' + item.level, item.level === 'error' ? 'Error' : 'Warning'),
        ' ',
        element('code', 'path', where(item)),
        ': ',
        element('span', 'message', item.message)
      );
      return li;
    }));
    var info = items.filter(function (item) { return item.level === 'info'; });
    grades.replaceChildren.apply(grades, info.map(function (item) { return element('li', '', item.message); }));
    gradesBox.hidden = !info.length;
    if (!found.length) {
      summary.textContent = 'No problems found: the widget can use this file.';
    } else if (!errors) {
      summary.textContent = plural(warnings, 'warning') + ', no errors: the widget can use this file, '
        + 'but some text is harder to read than it should be.';
    } else {
      summary.textContent = plural(errors, 'error') + (warnings ? ' and ' + plural(warnings, 'warning') : '')
        + ': the widget will not use this file until the errors are fixed.';
    }
  }

  /** Says in the preview panel why there is no preview. */
  function previewProblem(message) {
    previewHint.textContent = message;
    previewHint.hidden = false;
  }

  /**
   * Shows the text in the preview widget: handed to the element with
   * setContent(text), exactly as a content-src file would be shown.
   */
  function showPreview(source) {
    if (location.protocol === 'file:') return previewProblem(FROM_DISK);
    if (!source) {
      if (guide) guide.remove();
      guide = null;
      previewHint.textContent = HINT;
      previewHint.hidden = false;
      return;
    }
    if (!customElements.get(TAG)) {
      return previewProblem('The preview needs treatment-guide.js, which did not load: it must be in the same folder '
        + 'as check.html' + (refused.length ? ', and this page\'s Content-Security-Policy refused ' + refused.join(', ') : '') + '.');
    }
    var fresh = !guide;
    if (fresh) {
      guide = document.createElement(TAG);
      // Shown once it holds the file, never the built-in guide first.
      guide.hidden = true;
    }
    var shown = guide;
    if (typeof shown.setContent !== 'function') {
      return previewProblem('This treatment-guide.js has no setContent(text), which the preview needs: '
        + 'use the check.html that came with it.');
    }
    var done = shown.setContent(source);
    if (fresh) preview.appendChild(shown);
    Promise.resolve(done).then(function () {
      if (shown !== guide) return;
      shown.hidden = false;
      previewHint.hidden = true;
    }, function (error) {
      if (shown === guide) previewProblem('The preview could not be shown: ' + (error && error.message || error));
    });
  }

  /**
   * The checker module: the engine script's glue, instantiated from the
   * bytes it carries. Rejects with a message that names the cause.
   */
  function start() {
    if (engine) return engine;
    engine = new Promise(function (resolve) {
      if (typeof WebAssembly !== 'object') {
        throw new Error('this browser cannot run WebAssembly, which the checker needs. Use a current version of '
          + 'Chrome, Edge, Firefox or Safari.');
      }
      if (typeof wasm_bindgen !== 'function' || typeof TG_CHECKER_WASM !== 'string') {
        var tag = document.querySelector('script[src*="check-engine"]');
        var name = tag ? tag.getAttribute('src') : 'check-engine-….js';
        throw new Error('its code, ' + name + ', did not load. It must be in the same folder as check.html'
          + (refused.length ? '; this page\'s Content-Security-Policy refused ' + refused.join(', ') : '') + '.');
      }
      var bytes = Uint8Array.from(atob(TG_CHECKER_WASM), function (c) { return c.charCodeAt(0); });
      resolve(wasm_bindgen({ module_or_path: bytes }).then(function () { return wasm_bindgen; }));
    }).catch(function (error) {
      engine = null;
      var text = String(error && error.message || error);
      if (/wasm-unsafe-eval|Content.Security.Policy|wasm-eval/i.test(text + refused.join(' '))) {
        throw new Error('this page\'s Content-Security-Policy does not allow WebAssembly. Add \'wasm-unsafe-eval\' '
          + 'to its script-src directive (see the README, Content Security Policy).');
      }
      throw error;
    });
    return engine;
  }

  function check() {
    clearTimeout(timer);
    var source = text.value;
    var mine = ++run;
    sheetButton.disabled = !source.trim();
    sheetStatus.textContent = '';
    if (!source.trim()) {
      summary.textContent = 'No file yet.';
      problems.replaceChildren();
      gradesBox.hidden = true;
      showPreview(null);
      return;
    }
    summary.textContent = 'Checking…';
    start().then(function (module) {
      return module.check_content(source);
    }).then(function (items) {
      if (mine !== run) return;
      showResults(items);
      showPreview(source);
    }).catch(function (error) {
      if (mine !== run) return;
      summary.textContent = 'The checker cannot run: ' + (error && error.message || error);
    });
  }

  function load(file) {
    if (!file) return;
    fileName.textContent = file.name;
    file.text().then(function (content) {
      text.value = content;
      check();
    }, function (error) {
      summary.textContent = 'The file could not be read: ' + (error && error.message || error);
    });
  }

  /** Makes the review sheet of the text in the box and saves it as a file (nothing is uploaded). */
  function downloadSheet() {
    var source = text.value;
    start().then(function (module) {
      var html = module.review_sheet(source);
      var url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
      var link = element('a');
      link.href = url;
      link.download = SHEET_FILE;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
      sheetStatus.textContent = 'Saved as ' + SHEET_FILE + '. Open it in a browser and print it.';
    }).catch(function (error) {
      sheetStatus.textContent = 'No review sheet: ' + (error && error.message || error);
    });
  }

  sheetButton.addEventListener('click', downloadSheet);
  text.addEventListener('input', function () {
    fileName.textContent = '';
    clearTimeout(timer);
    timer = setTimeout(check, 300);
  });
  fileInput.addEventListener('change', function () { load(fileInput.files[0]); });
  ['dragenter', 'dragover'].forEach(function (type) {
    drop.addEventListener(type, function (event) {
      event.preventDefault();
      drop.classList.add('over');
    });
  });
  drop.addEventListener('dragleave', function () { drop.classList.remove('over'); });
  // A file dropped anywhere on the page is checked, not opened by the browser.
  document.addEventListener('dragover', function (event) { event.preventDefault(); });
  document.addEventListener('drop', function (event) {
    drop.classList.remove('over');
    var data = event.dataTransfer;
    if (data && data.files && data.files.length) {
      event.preventDefault();
      load(data.files[0]);
      return;
    }
    // Dropped text: the text box takes it itself (and says so with an input event).
    if (event.target === text) return;
    event.preventDefault();
    var dropped = data && data.getData('text/plain');
    if (dropped) {
      text.value = dropped;
      check();
    }
  });
  summary.textContent = 'No file yet.';
  if (location.protocol === 'file:') previewProblem(FROM_DISK);
  if (text.value.trim()) check();
})();
