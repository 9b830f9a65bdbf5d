/*! treatment-guide content checker (check.html): checks a content file in
 * this page with the widget's own code (customElements.get('treatment-guide')
 * .check, from treatment-guide.js), lists the problems and previews the file
 * in a <treatment-guide> whose content-src is a blob: URL of the text.
 * Nothing is sent anywhere. Text from the file is only ever set as text. */
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
  /** The blob: URL of the text the preview shows. */
  var url = null;
  var guide = null;
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

  /** Where a problem is: its JSON path and line inside a text. */
  function where(item) {
    var place = item.path || 'the whole file';
    if (item.line) place += ' (line ' + item.line + ' of the text)';
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
        + ': the widget will not use this file until the errors are fixed (it shows the standard guide instead).';
    }
  }

  /** Shows the text in the preview widget, through a new blob: URL. */
  function showPreview(source) {
    var previous = url;
    url = source ? URL.createObjectURL(new Blob([source], { type: 'application/json' })) : null;
    if (url && !guide) {
      guide = document.createElement('treatment-guide');
      preview.appendChild(guide);
    }
    if (guide) {
      if (url) guide.setAttribute('content-src', url);
      else {
        guide.remove();
        guide = null;
      }
    }
    previewHint.hidden = !!url;
    if (previous) URL.revokeObjectURL(previous);
  }

  function check() {
    clearTimeout(timer);
    var source = text.value;
    var mine = ++run;
    if (!source.trim()) {
      summary.textContent = 'No file yet.';
      problems.replaceChildren();
      gradesBox.hidden = true;
      showPreview(null);
      return;
    }
    summary.textContent = 'Checking…';
    customElements.whenDefined('treatment-guide').then(function () {
      return customElements.get('treatment-guide').check(source);
    }).then(function (items) {
      if (mine !== run) return;
      showResults(items);
      showPreview(source);
    }).catch(function (error) {
      if (mine !== run) return;
      summary.textContent = 'The checker cannot run in this browser: ' + (error && error.message || error);
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
  if (text.value.trim()) check();
})();
