"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.docsPage = docsPage;
const node_crypto_1 = require("node:crypto");
/** base64 SHA-256 of an inline script or style, for the Content-Security-Policy. */
function cspHash(source) {
    return `'sha256-${(0, node_crypto_1.createHash)('sha256').update(source, 'utf8').digest('base64')}'`;
}
/**
 * The page and its CSP. It renders operations by tag, parameters, bodies, responses and
 * schemas, with a "try it" form. `specUrl` is the OpenAPI document's URL relative to the page
 * (openapi.ts passes `v1/openapi.json` for `/docs`).
 */
function docsPage(specUrl) {
    const script = DOCS_SCRIPT.replace('__SPEC_URL__', JSON.stringify(specUrl));
    const html = [
        '<!doctype html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<title>claimtrack API</title>',
        '<link rel="icon" href="data:,">',
        `<style>${DOCS_STYLE}</style>`,
        '</head>',
        '<body>',
        '<header><div class="title"><h1 id="title">claimtrack API</h1><span id="version"></span></div>',
        '<div class="controls"><input id="filter" type="search" placeholder="Filter operations" aria-label="Filter operations">',
        '<input id="apikey" type="password" placeholder="API key for try it (kept in this tab only)" aria-label="API key" autocomplete="off"></div></header>',
        '<div class="layout"><nav id="nav" aria-label="Operations"></nav><main id="main"><p>Loading the OpenAPI document…</p></main></div>',
        `<script>${script}</script>`,
        '</body>',
        '</html>',
    ].join('\n');
    const contentSecurityPolicy = [
        "default-src 'none'",
        `script-src ${cspHash(script)}`,
        `style-src ${cspHash(DOCS_STYLE)}`,
        "connect-src 'self'",
        "img-src 'self' data:",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ].join('; ');
    return { html, contentSecurityPolicy };
}
const DOCS_STYLE = `
:root { --fg: #1b1f24; --muted: #59636e; --line: #d1d9e0; --bg2: #f6f8fa; --accent: #0969da; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Arabic", sans-serif; color: var(--fg); }
header { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; gap: 12px; align-items: center; justify-content: space-between; padding: 10px 20px; background: #fff; border-bottom: 1px solid var(--line); }
header .title { display: flex; align-items: baseline; gap: 10px; }
h1 { font-size: 20px; margin: 0; }
#version { color: var(--muted); }
.controls { display: flex; gap: 8px; flex-wrap: wrap; }
.controls input { padding: 6px 8px; border: 1px solid var(--line); border-radius: 6px; min-width: 260px; font: inherit; }
.layout { display: flex; align-items: flex-start; }
nav { position: sticky; top: 58px; width: 300px; flex: none; max-height: calc(100vh - 58px); overflow: auto; padding: 12px; border-right: 1px solid var(--line); background: var(--bg2); font-size: 13px; }
nav h3 { margin: 12px 0 4px; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
nav a { display: block; padding: 2px 4px; color: var(--fg); text-decoration: none; border-radius: 4px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
nav a:hover { background: #e7ecf0; }
main { flex: 1; min-width: 0; padding: 16px 24px 80px; }
.intro { white-space: pre-wrap; color: var(--muted); max-width: 900px; }
h2 { margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); font-size: 18px; }
details.op { border: 1px solid var(--line); border-radius: 8px; margin: 8px 0; background: #fff; }
details.op > summary { display: flex; gap: 10px; align-items: center; padding: 8px 12px; cursor: pointer; list-style: none; }
details.op > summary::-webkit-details-marker { display: none; }
details.op[open] > summary { border-bottom: 1px solid var(--line); background: var(--bg2); border-radius: 8px 8px 0 0; }
.method { display: inline-block; min-width: 64px; text-align: center; padding: 2px 6px; border-radius: 4px; color: #fff; font-weight: 600; font-size: 12px; text-transform: uppercase; }
.m-get { background: #1f6feb; } .m-post { background: #1a7f37; } .m-patch { background: #9a6700; } .m-delete { background: #cf222e; }
.path { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-weight: 600; }
.summary { color: var(--muted); }
.lock { margin-left: auto; font-size: 12px; color: var(--muted); }
.body { padding: 8px 16px 16px; }
h4 { margin: 16px 0 6px; font-size: 14px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--line); }
th { color: var(--muted); font-weight: 600; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12.5px; }
.req { color: #cf222e; }
.type { color: #8250df; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12.5px; }
.constraint { color: var(--muted); font-size: 12px; }
.schema { margin: 4px 0 4px 12px; padding-left: 10px; border-left: 2px solid var(--line); }
.status { font-weight: 700; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
.s2 { color: #1a7f37; } .s3 { color: #9a6700; } .s4 { color: #cf222e; } .s5 { color: #a40e26; }
.response { margin: 6px 0; padding: 6px 10px; border: 1px solid var(--line); border-radius: 6px; }
.try { margin-top: 16px; padding: 10px; border: 1px dashed var(--line); border-radius: 8px; background: var(--bg2); }
.try label { display: block; margin: 4px 0; }
.try input, .try textarea { width: 100%; padding: 4px 6px; border: 1px solid var(--line); border-radius: 4px; font: 12.5px ui-monospace, SFMono-Regular, Menlo, monospace; }
.try textarea { min-height: 140px; }
button { padding: 6px 14px; border: 1px solid #1a7f37; border-radius: 6px; background: #1f883d; color: #fff; font-weight: 600; cursor: pointer; }
pre { margin: 6px 0; padding: 8px; overflow: auto; max-height: 420px; background: #fff; border: 1px solid var(--line); border-radius: 6px; font-size: 12px; }
a.ref { color: var(--accent); }
.hidden { display: none; }
`;
/** The viewer. Builds every node with textContent: nothing from the document is parsed as HTML. */
const DOCS_SCRIPT = `
(function () {
  'use strict';
  var SPEC_URL = __SPEC_URL__;
  var doc = null;
  var main = document.getElementById('main');
  var nav = document.getElementById('nav');

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else if (k === 'class') node.className = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return node;
  }
  function refName(ref) { return ref.split('/').pop(); }
  function resolve(schema) {
    var seen = 0;
    while (schema && schema.$ref && seen++ < 20) schema = doc.components.schemas[refName(schema.$ref)];
    return schema || {};
  }
  function typeLabel(s) {
    if (!s) return 'any';
    if (s.$ref) return refName(s.$ref);
    if (s.const !== undefined) return JSON.stringify(s.const);
    if (s.enum) return s.enum.map(function (v) { return JSON.stringify(v); }).join(' | ');
    if (s.anyOf || s.oneOf) return (s.anyOf || s.oneOf).map(typeLabel).join(' | ');
    var t = Array.isArray(s.type) ? s.type.join(' | ') : s.type;
    if (t === 'array') return 'array of ' + typeLabel(s.items);
    if (!t) return 'any';
    return t + (s.format ? ' (' + s.format + ')' : '');
  }
  function constraints(s) {
    var out = [];
    ['minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems', 'default', 'pattern'].forEach(function (k) {
      if (s[k] !== undefined && !(k === 'maximum' && s[k] === 9007199254740991) && !(k === 'pattern' && s.format)) out.push(k + ': ' + JSON.stringify(s[k]));
    });
    if (s.additionalProperties === false) out.push('no other fields');
    return out.join(', ');
  }
  function nested(s) {
    if (!s) return null;
    if (s.anyOf) { for (var i = 0; i < s.anyOf.length; i++) { var n = nested(s.anyOf[i]); if (n) return n; } return null; }
    if (s.$ref) return s;
    if (s.type === 'object' && s.properties) return s;
    if (s.type === 'array' && s.items) return nested(s.items);
    return null;
  }
  function schemaView(schema, trail) {
    trail = trail || [];
    var wrap = el('div', { class: 'schema' });
    if (schema && schema.$ref) {
      // A named schema: expanded at the top of a body, one click away when nested or a Problem.
      var name = refName(schema.$ref);
      var label = el('summary', {}, [el('a', { class: 'ref', href: '#schema-' + name, text: name }), schema.description ? ' — ' + schema.description : '']);
      if (trail.indexOf(name) >= 0 || trail.length >= 6) { wrap.appendChild(label.firstChild); return wrap; }
      var more = el('details', trail.length === 0 && name !== 'Problem' ? { open: '' } : {}, [label]);
      more.appendChild(schemaView(resolve(schema), trail.concat([name])));
      wrap.appendChild(more);
      return wrap;
    }
    var s = schema || {};
    if (s.description) wrap.appendChild(el('div', { class: 'constraint', text: s.description }));
    if (s.type === 'object' && s.properties) {
      var required = s.required || [];
      var table = el('table', {}, [el('tr', {}, [el('th', { text: 'field' }), el('th', { text: 'type' }), el('th', { text: 'about' })])]);
      Object.keys(s.properties).forEach(function (key) {
        var p = s.properties[key];
        var about = el('td', {}, [p.description || '', p.description && constraints(p) ? ' ' : '', el('span', { class: 'constraint', text: constraints(p) })]);
        var inner = nested(p);
        if (inner && trail.length < 6) about.appendChild(schemaView(inner, trail));
        table.appendChild(el('tr', {}, [
          el('td', {}, [el('code', { text: key }), required.indexOf(key) >= 0 ? el('span', { class: 'req', text: ' *' }) : null]),
          el('td', { class: 'type', text: typeLabel(p) }),
          about,
        ]));
      });
      wrap.appendChild(table);
      var c = constraints(s);
      if (c) wrap.appendChild(el('div', { class: 'constraint', text: c }));
    } else {
      wrap.appendChild(el('div', {}, [el('span', { class: 'type', text: typeLabel(s) }), ' ', el('span', { class: 'constraint', text: constraints(s) })]));
      var inner2 = nested(s);
      if (inner2 && inner2 !== s) wrap.appendChild(schemaView(inner2, trail));
    }
    return wrap;
  }
  function example(schema, depth) {
    var s = resolve(schema);
    if (depth > 5) return null;
    if (s.default !== undefined) return s.default;
    if (s.const !== undefined) return s.const;
    if (s.enum) return s.enum[0];
    if (s.anyOf) return example(s.anyOf[0], depth + 1);
    var t = Array.isArray(s.type) ? s.type[0] : s.type;
    if (t === 'object') {
      var out = {};
      var req = s.required || [];
      Object.keys(s.properties || {}).forEach(function (k) { if (req.indexOf(k) >= 0) out[k] = example(s.properties[k], depth + 1); });
      return out;
    }
    if (t === 'array') return [];
    if (t === 'integer' || t === 'number') return s.minimum !== undefined ? s.minimum : 0;
    if (t === 'boolean') return false;
    if (s.format === 'date-time') return new Date().toISOString();
    if (s.format === 'date') return new Date().toISOString().slice(0, 10);
    if (s.format === 'uri') return 'https://example.org/';
    return 'text';
  }
  function statusClass(status) { return 's' + String(status).charAt(0); }
  function tryIt(method, path, op) {
    var box = el('div', { class: 'try' }, [el('h4', { text: 'Try it' })]);
    var inputs = [];
    (op.parameters || []).forEach(function (p) {
      var input = el('input', { placeholder: p.in + (p.required ? ', required' : '') });
      inputs.push({ p: p, input: input });
      box.appendChild(el('label', {}, [el('code', { text: p.name }), ' (' + p.in + ')', input]));
    });
    var body = null;
    var media = op.requestBody && op.requestBody.content['application/json'];
    if (media) {
      body = el('textarea', { spellcheck: 'false' });
      body.value = JSON.stringify(example(media.schema, 0), null, 2);
      box.appendChild(el('label', {}, ['JSON body', body]));
    }
    var result = el('div');
    var send = el('button', { type: 'button', text: 'Send' });
    send.addEventListener('click', function () {
      var url = path;
      var query = [];
      var headers = {};
      inputs.forEach(function (i) {
        var v = i.input.value;
        if (v === '') return;
        if (i.p.in === 'path') url = url.replace('{' + i.p.name + '}', encodeURIComponent(v));
        else if (i.p.in === 'query') query.push(encodeURIComponent(i.p.name) + '=' + encodeURIComponent(v));
        else headers[i.p.name] = v;
      });
      var key = document.getElementById('apikey').value.trim();
      if (key && !(op.security && op.security.length === 0)) headers.Authorization = 'Bearer ' + key;
      var init = { method: method.toUpperCase(), headers: headers };
      if (body && body.value.trim() !== '') { headers['Content-Type'] = 'application/json'; init.body = body.value; }
      var target = url.replace(/^\\//, '') + (query.length ? '?' + query.join('&') : '');
      result.textContent = 'Sending…';
      fetch(target, init).then(function (res) {
        return res.text().then(function (text) {
          var shown = text;
          try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch (e) { /* not JSON */ }
          var head = ['content-type', 'etag', 'location', 'idempotent-replayed', 'retry-after'].filter(function (h) { return res.headers.get(h); })
            .map(function (h) { return h + ': ' + res.headers.get(h); }).join('\\n');
          result.textContent = '';
          result.appendChild(el('div', {}, [el('span', { class: 'status ' + statusClass(res.status), text: String(res.status) }), ' ' + res.statusText]));
          if (head) result.appendChild(el('pre', { text: head }));
          if (shown) result.appendChild(el('pre', { text: shown.length > 200000 ? shown.slice(0, 200000) + '\\n…' : shown }));
        });
      }).catch(function (err) { result.textContent = 'Request failed: ' + err; });
    });
    box.appendChild(send);
    box.appendChild(result);
    return box;
  }
  function operationView(method, path, op) {
    var id = 'op-' + op.operationId;
    var isPublic = op.security && op.security.length === 0;
    var details = el('details', { class: 'op', id: id, 'data-search': (method + ' ' + path + ' ' + op.summary).toLowerCase() }, [
      el('summary', {}, [el('span', { class: 'method m-' + method, text: method }), el('span', { class: 'path', text: path }), el('span', { class: 'summary', text: op.summary }), el('span', { class: 'lock', text: isPublic ? 'public' : 'API key' })]),
    ]);
    var body = el('div', { class: 'body' }, [el('p', { text: op.description || '' }), el('div', { class: 'constraint' }, ['operationId ', el('code', { text: op.operationId })])]);
    if (op.parameters && op.parameters.length) {
      var table = el('table', {}, [el('tr', {}, ['name', 'in', 'type', 'about'].map(function (h) { return el('th', { text: h }); }))]);
      op.parameters.forEach(function (p) {
        table.appendChild(el('tr', {}, [
          el('td', {}, [el('code', { text: p.name }), p.required ? el('span', { class: 'req', text: ' *' }) : null]),
          el('td', { text: p.in }),
          el('td', { class: 'type', text: typeLabel(p.schema) }),
          el('td', {}, [p.description || '', ' ', el('span', { class: 'constraint', text: constraints(p.schema || {}) })]),
        ]));
      });
      body.appendChild(el('h4', { text: 'Parameters' }));
      body.appendChild(table);
    }
    if (op.requestBody) {
      body.appendChild(el('h4', { text: 'Request body' + (op.requestBody.required ? '' : ' (optional)') }));
      Object.keys(op.requestBody.content).forEach(function (type) {
        body.appendChild(el('div', { class: 'constraint', text: type }));
        body.appendChild(schemaView(op.requestBody.content[type].schema));
      });
    }
    body.appendChild(el('h4', { text: 'Responses' }));
    Object.keys(op.responses).forEach(function (status) {
      var r = op.responses[status];
      var box = el('div', { class: 'response' }, [el('span', { class: 'status ' + statusClass(status), text: status }), ' ' + r.description]);
      Object.keys(r.headers || {}).forEach(function (h) {
        box.appendChild(el('div', { class: 'constraint' }, ['header ', el('code', { text: h }), (r.headers[h].required ? ' (always)' : '') + ': ' + r.headers[h].description]));
      });
      Object.keys(r.content || {}).forEach(function (type) {
        box.appendChild(el('div', { class: 'constraint', text: type }));
        box.appendChild(schemaView(r.content[type].schema));
      });
      body.appendChild(box);
    });
    body.appendChild(tryIt(method, path, op));
    details.appendChild(body);
    return details;
  }
  function render() {
    document.getElementById('title').textContent = doc.info.title + ' API';
    document.getElementById('version').textContent = 'v' + doc.info.version + ' · OpenAPI ' + doc.openapi;
    document.title = doc.info.title + ' API';
    main.textContent = '';
    nav.textContent = '';
    main.appendChild(el('p', { class: 'intro', text: doc.info.description || '' }));
    main.appendChild(el('p', {}, [el('a', { href: SPEC_URL, text: 'openapi.json' })]));
    var byTag = {};
    var tags = (doc.tags || []).map(function (t) { return t.name; });
    Object.keys(doc.paths).forEach(function (path) {
      Object.keys(doc.paths[path]).forEach(function (method) {
        var op = doc.paths[path][method];
        var tag = (op.tags && op.tags[0]) || 'other';
        if (tags.indexOf(tag) < 0) tags.push(tag);
        (byTag[tag] = byTag[tag] || []).push([method, path, op]);
      });
    });
    tags.forEach(function (tag) {
      if (!byTag[tag]) return;
      main.appendChild(el('h2', { id: 'tag-' + tag, text: tag }));
      nav.appendChild(el('h3', {}, [el('a', { href: '#tag-' + tag, text: tag })]));
      byTag[tag].forEach(function (entry) {
        main.appendChild(operationView(entry[0], entry[1], entry[2]));
        var link = el('a', { href: '#op-' + entry[2].operationId, 'data-search': (entry[0] + ' ' + entry[1] + ' ' + entry[2].summary).toLowerCase() }, [el('span', { class: 'method m-' + entry[0], text: entry[0] }), ' ' + entry[1]]);
        link.addEventListener('click', function () { var d = document.getElementById('op-' + entry[2].operationId); if (d) d.open = true; });
        nav.appendChild(link);
      });
    });
    main.appendChild(el('h2', { id: 'schemas', text: 'Schemas' }));
    nav.appendChild(el('h3', {}, [el('a', { href: '#schemas', text: 'Schemas' })]));
    Object.keys(doc.components.schemas).forEach(function (name) {
      main.appendChild(el('details', { class: 'op', id: 'schema-' + name, open: '' }, [
        el('summary', {}, [el('span', { class: 'path', text: name })]),
        el('div', { class: 'body' }, [schemaView(doc.components.schemas[name], [name])]),
      ]));
      nav.appendChild(el('a', { href: '#schema-' + name, text: name }));
    });
    if (location.hash) { var target = document.getElementById(location.hash.slice(1)); if (target) { target.open = true; target.scrollIntoView(); } }
  }
  document.getElementById('filter').addEventListener('input', function (e) {
    var q = e.target.value.trim().toLowerCase();
    document.querySelectorAll('[data-search]').forEach(function (node) {
      node.classList.toggle('hidden', q !== '' && node.getAttribute('data-search').indexOf(q) < 0);
    });
  });
  fetch(SPEC_URL, { headers: { Accept: 'application/json' } })
    .then(function (res) { if (!res.ok) throw new Error('HTTP ' + res.status); return res.json(); })
    .then(function (json) { doc = json; render(); })
    .catch(function (err) { main.textContent = 'Could not load ' + SPEC_URL + ': ' + err.message; });
})();
`;
//# sourceMappingURL=docs-page.js.map