// The console's editor (page 2): Monaco with a small Monarch grammar for DRL, the version's files as models,
// validation without staging (findings as markers at their file, line and column), and staging.
(function () {
  'use strict';
  const setup = window.consoleEditorSetup;
  const csrf = JSON.parse(document.body.getAttribute('hx-headers'));
  const original = setup.files;

  // DRL: Drools rule language keywords, strings, comments, numbers (with the B suffix of BigDecimal literals).
  const drl = {
    defaultToken: '',
    keywords: ['package', 'import', 'global', 'function', 'declare', 'query', 'rule', 'when', 'then', 'end',
      'salience', 'no-loop', 'lock-on-active', 'agenda-group', 'activation-group', 'ruleflow-group', 'dialect',
      'enabled', 'duration', 'timer', 'not', 'exists', 'forall', 'from', 'collect', 'accumulate', 'eval', 'and',
      'or', 'over', 'insert', 'insertLogical', 'modify', 'update', 'retract', 'delete', 'new', 'null', 'true',
      'false', 'extends', 'attributes', 'matches', 'memberOf', 'contains', 'soundslike', 'in', 'this', 'return',
      'if', 'else', 'for', 'while', 'var', 'instanceof'],
    operators: ['==', '!=', '>=', '<=', '>', '<', '&&', '||', '!', ':', '+', '-', '*', '/', '%'],
    tokenizer: {
      root: [
        [/\/\/.*$/, 'comment'],
        [/\/\*/, 'comment', '@comment'],
        [/"([^"\\]|\\.)*"/, 'string'],
        [/'([^'\\]|\\.)*'/, 'string'],
        [/\$[a-zA-Z_]\w*/, 'variable'],
        [/\d+(\.\d+)?[BbIiLlDdFf]?/, 'number'],
        [/[a-zA-Z_][\w-]*/, {cases: {'@keywords': 'keyword', '@default': 'identifier'}}],
        [/[{}()[\]]/, '@brackets'],
        [/[=!<>&|:+\-*\/%]+/, 'operator']
      ],
      comment: [
        [/[^/*]+/, 'comment'],
        [/\*\//, 'comment', '@pop'],
        [/[/*]/, 'comment']
      ]
    }
  };

  function languageOf(path) {
    return path.endsWith('.drl') ? 'drl' : path.endsWith('.yaml') || path.endsWith('.yml') ? 'yaml' : 'plaintext';
  }

  window.require.config({paths: {vs: '/console/assets/monaco/vs'}});
  window.require(['vs/editor/editor.main'], function () {
    const monaco = window.monaco;
    monaco.languages.register({id: 'drl', extensions: ['.drl']});
    monaco.languages.setMonarchTokensProvider('drl', drl);
    const models = {};
    Object.keys(original).forEach(function (path) {
      models[path] = monaco.editor.createModel(original[path], languageOf(path), monaco.Uri.file('/' + path));
    });
    const fileSelect = document.getElementById('file');
    const editor = monaco.editor.create(document.getElementById('editor'), {
      model: models[fileSelect.value], automaticLayout: true, minimap: {enabled: false}, fontSize: 14,
      ariaLabel: 'File editor'
    });
    fileSelect.addEventListener('change', function () { editor.setModel(models[fileSelect.value]); });

    function open(path, line, column) {
      fileSelect.value = path;
      editor.setModel(models[path]);
      editor.revealLineInCenter(Math.max(1, line));
      editor.setPosition({lineNumber: Math.max(1, line), column: Math.max(1, column)});
      editor.focus();
    }

    function draft() {
      const changes = {};
      Object.keys(models).forEach(function (path) {
        const text = models[path].getValue();
        if (text !== original[path]) { changes[path] = text; }
      });
      return {comment: document.getElementById('comment').value || null, baseVersion: setup.base, changes: changes};
    }

    function post(path, body) {
      return fetch(path, {method: 'POST', credentials: 'same-origin',
        headers: Object.assign({'Content-Type': 'application/json'}, csrf), body: JSON.stringify(body)})
        .then(function (r) { return r.json().then(function (json) { return {status: r.status, json: json}; }); });
    }

    function say(text, refused) {
      const outcome = document.getElementById('editor-outcome');
      outcome.className = 'outcome ' + (refused ? 'refused' : 'done');
      outcome.setAttribute('role', refused ? 'alert' : 'status');
      outcome.textContent = text;
    }

    function show(findings) {
      Object.keys(models).forEach(function (path) { monaco.editor.setModelMarkers(models[path], 'validation', []); });
      const byFile = {};
      findings.forEach(function (f) { (byFile[f.file] = byFile[f.file] || []).push(f); });
      Object.keys(byFile).forEach(function (path) {
        if (!models[path]) { return; }
        monaco.editor.setModelMarkers(models[path], 'validation', byFile[path].map(function (f) {
          const line = Math.max(1, f.line);
          return {startLineNumber: line, startColumn: Math.max(1, f.column), endLineNumber: line,
            endColumn: models[path].getLineMaxColumn(line), message: f.code + ': ' + f.message,
            severity: f.severity === 'ERROR' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning};
        }));
      });
      const list = document.getElementById('editor-findings');
      list.textContent = '';
      findings.forEach(function (f) {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = '#editor';
        link.className = 'finding';
        link.textContent = f.severity + ' ' + f.code + ' at ' + f.file + ':' + f.line + ':' + f.column + ': ' + f.message;
        link.addEventListener('click', function (event) { event.preventDefault(); open(f.file, f.line, f.column); });
        item.appendChild(link);
        list.appendChild(item);
      });
    }

    document.getElementById('validate').addEventListener('click', function () {
      say('Validating…', false);
      post('/console/rulesets/' + setup.ruleSet + '/validations', draft()).then(function (answer) {
        if (answer.status !== 200) { say('Refused: ' + answer.json.detail, true); show([]); return; }
        show(answer.json.findings);
        say(answer.json.accepted
          ? 'Valid: ' + answer.json.findings.length + ' findings, ' + answer.json.scenariosRun + ' scenarios run, none failed. Not staged yet.'
          : 'Not valid: ' + answer.json.findings.length + ' findings (' + answer.json.scenariosFailed + ' scenarios failed). Not staged.',
          !answer.json.accepted);
      });
    });

    document.getElementById('stage').addEventListener('click', function () {
      say('Staging…', false);
      post('/console/rulesets/' + setup.ruleSet + '/versions', draft()).then(function (answer) {
        if (answer.status !== 200) { say('Refused: ' + answer.json.detail, true); return; }
        window.location.assign(answer.json.page);
      });
    });
    document.getElementById('editor').dataset.ready = 'true';
  });
}());
