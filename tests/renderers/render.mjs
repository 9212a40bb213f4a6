// Renders OpenAPI documents with a docs renderer in headless Chromium and
// writes each operation's text as a person's copy gives it (the section's
// `innerText`), one file per operation, in OUT_ROOT/<document name>/<renderer>/;
// with --html, also the page as the browser's "Save page as" keeps it, in
// OUT_ROOT/<document name>/html-<renderer>/ (one file for a single-page
// renderer, one per operation for Stoplight Elements).
//
//   node render.mjs RENDERER OUT_ROOT [--sample N] [--html] DOCUMENT...
//
// RENDERER: redoc, elements (Stoplight Elements), scalar, swagger-ui.
// docusaurus-openapi-docs is a site build: docusaurus.mjs.

import fs from 'node:fs';
import path from 'node:path';
import { browser, nameOf, sampled, serve, settle, writeTexts } from './common.mjs';

const args = process.argv.slice(2);
const renderer = args.shift();
const outRoot = args.shift();
let sample = Infinity;
let html = false;
const files = [];
while (args.length) {
  const arg = args.shift();
  if (arg === '--sample') sample = Number(args.shift());
  else if (arg === '--html') html = true;
  else files.push(arg);
}

const pages = {
  redoc: `<!doctype html><html><head><meta charset="utf-8"><title>API</title></head><body>
<redoc spec-url="document.json"></redoc>
<script src="/node_modules/redoc/bundles/redoc.standalone.js"></script></body></html>`,
  elements: `<!doctype html><html><head><meta charset="utf-8"><title>API</title>
<link rel="stylesheet" href="/node_modules/@stoplight/elements/styles.min.css"></head><body>
<elements-api apiDescriptionUrl="document.json" router="hash" layout="sidebar"></elements-api>
<script src="/node_modules/@stoplight/elements/web-components.min.js"></script></body></html>`,
  // The models section left out: it repeats every schema and takes minutes
  // to scroll through on a large document.
  scalar: `<!doctype html><html><head><meta charset="utf-8"><title>API</title></head><body>
<script id="api-reference" data-url="document.json" data-configuration='{"defaultOpenAllTags": true, "hideModels": true}'></script>
<script src="/node_modules/@scalar/api-reference/dist/browser/standalone.js"></script></body></html>`,
  'swagger-ui': `<!doctype html><html><head><meta charset="utf-8"><title>API</title>
<link rel="stylesheet" href="/node_modules/swagger-ui-dist/swagger-ui.css"></head><body><div id="ui"></div>
<script src="/node_modules/swagger-ui-dist/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({url: "document.json", dom_id: "#ui", docExpansion: "list"});</script></body></html>`,
};
if (!pages[renderer] || !outRoot || !files.length || !(sample > 0)) {
  console.error('usage: node render.mjs redoc|elements|scalar|swagger-ui OUT_ROOT [--sample N] [--html] DOCUMENT...');
  process.exit(2);
}

const here = path.dirname(new URL(import.meta.url).pathname);
// Each document at /<name>/, its (sampled) document beside the page.
const documents = files.map((file) => ({ file, name: nameOf(file), ...sampled(file, sample) }));
const routes = {};
for (const { name, document } of documents) {
  routes[`/${name}/`] = pages[renderer];
  routes[`/${name}/document.json`] = JSON.stringify(document);
}
const server = await serve(here, routes);
const chromium = await browser();
let page;
let base;
let kept;

async function open(url) {
  await page.goto(url, { waitUntil: 'networkidle0', timeout: 180000 });
  await settle(500);
}

/** Each operation's text, by renderer: `{key, text}` in page order. */
async function sections() {
  if (renderer === 'redoc') {
    await open(base);
    // An operation without an id is `tag/<tag>/paths/<path>/<method>`.
    return page.$$eval('[data-section-id^="operation/"], [data-section-id*="/paths/"]', (nodes) =>
      nodes.map((node) => ({ key: node.getAttribute('data-section-id'), text: node.innerText })));
  }
  if (renderer === 'swagger-ui') {
    await open(base);
    // Each operation opened, as a reader does before copying it.
    const count = await page.$$eval('.opblock-summary-control', (nodes) => nodes.length);
    for (let i = 0; i < count; i++) {
      await page.evaluate((index) => document.querySelectorAll('.opblock-summary-control')[index].click(), i);
    }
    await settle(1000);
    const routes = kept.map(({ route, method }) => `${method} ${route}`);
    return page.$$eval('.opblock[id^="operations-"]', (nodes, routes) =>
      nodes.filter((node) => {
        const method = node.querySelector('.opblock-summary-method')?.innerText.toLowerCase();
        const route = node.querySelector('.opblock-summary-path')?.getAttribute('data-path');
        return routes.includes(`${method} ${route}`);
      }).map((node) => ({ key: node.id, text: node.innerText })), routes);
  }
  if (renderer === 'scalar') {
    await open(base);
    // Scalar renders sections as they scroll into view.
    for (let round = 0; round < 2000; round++) {
      const done = await page.evaluate(() => {
        window.scrollBy(0, 1500);
        return window.scrollY + window.innerHeight >= document.body.scrollHeight - 5;
      });
      await settle(40);
      if (done) break;
    }
    await settle(500);
    // `<api>/tag/<tag>/POST/pets`, or `<api>/POST/pets` without a tag.
    return page.$$eval('section[id]', (nodes) =>
      nodes.filter((node) => /\/(GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS)\//.test(node.id))
        .map((node) => ({ key: node.id, text: node.innerText })));
  }
  // Stoplight Elements: one route per operation.
  await open(base);
  const out = [];
  for (const { route, method, operation } of kept) {
    const slug = operation.operationId
      ? `operations/${operation.operationId}`
      : `paths/${route.replace(/^\//, '').replace(/[{}]/g, '').replace(/\//g, '-')}/${method}`;
    // (Elements does not route an id with spaces, `find pet by id`: its
    // page is the overview, which the table shows as an operation not read.)
    await page.goto(`${base}#/${slug}`, { waitUntil: 'networkidle0', timeout: 60000 });
    await settle(300);
    const text = await page.evaluate(() => {
      // The operation's column, without the navigation beside it.
      const main = document.querySelector('.HttpOperation') ?? document.querySelector('.sl-elements-api');
      return main ? main.innerText : '';
    });
    if (text.trim()) out.push({ key: slug, text, html: html ? await page.content() : undefined });
  }
  return out;
}

for (const document of documents) {
  // A fresh browser context per document: nothing carries over.
  const context = await chromium.createBrowserContext();
  page = await context.newPage();
  await page.setViewport({ width: 1400, height: 1000 });
  base = `${server.base}/${document.name}/`;
  kept = document.kept;
  const found = await sections();
  const dir = path.join(outRoot, document.name, renderer);
  writeTexts(dir, found, { sampled: kept.length, total: document.total });
  if (html) {
    const htmlDir = path.join(outRoot, document.name, `html-${renderer}`);
    fs.rmSync(htmlDir, { recursive: true, force: true });
    fs.mkdirSync(htmlDir, { recursive: true });
    const saved = found.some((f) => f.html) ? found : [{ key: 'page', html: await page.content() }];
    saved.forEach(({ key, html: content }, index) => {
      const file = `${String(index).padStart(3, '0')}_${key.replace(/[^A-Za-z0-9]+/g, '_').slice(0, 60)}.html`;
      fs.writeFileSync(path.join(htmlDir, file), content);
    });
  }
  await context.close();
  console.log(`${renderer}: ${found.length} of ${kept.length} sampled operations (${document.total} in the document) written to ${dir}`);
}
await chromium.close();
server.close();
