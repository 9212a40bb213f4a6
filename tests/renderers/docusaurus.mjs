// Renders OpenAPI documents with docusaurus-openapi-docs: one Docusaurus
// site with a section per document (its sampled operations), built, served
// on loopback and read in headless Chromium. Writes each operation page's
// text as a copy gives it (the page's `main`), one file per operation, in
// OUT_ROOT/<document name>/docusaurus/; with --html, each page's HTML too.
//
//   node docusaurus.mjs OUT_ROOT [--sample N] [--html] DOCUMENT...

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { browser, nameOf, sampled, serve, settle, writeTexts } from './common.mjs';

const args = process.argv.slice(2);
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
if (!outRoot || !files.length || !(sample > 0)) {
  console.error('usage: node docusaurus.mjs OUT_ROOT [--sample N] [--html] DOCUMENT...');
  process.exit(2);
}

const site = path.dirname(new URL(import.meta.url).pathname);

// The plugin writes descriptions into MDX, which refuses HTML's unclosed
// `<br>` (Uber's document has them): closed, as a site using the plugin
// must too. No fact the reader compares is in a description.
function closeBreaks(value) {
  if (Array.isArray(value)) value.forEach(closeBreaks);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (typeof inner === 'string' && (key === 'description' || key === 'summary')) {
        value[key] = inner.replace(/<br\s*>/gi, '<br />');
      } else closeBreaks(inner);
    }
  }
}

// The documents, sampled, and the site's list of them.
for (const folder of ['docs', 'specs', 'build']) {
  fs.rmSync(path.join(site, folder), { recursive: true, force: true });
  fs.mkdirSync(path.join(site, folder), { recursive: true });
}
const documents = {};
const counts = {};
for (const file of files) {
  const name = nameOf(file);
  const { document, kept, total } = sampled(file, sample);
  closeBreaks(document);
  // The plugin titles a page with the summary and refuses one without (or
  // with an empty one): such a page is titled with its method and path, as
  // other renderers do.
  for (const { route, method, operation } of kept) {
    if (!operation.summary?.trim()) operation.summary = `${method.toUpperCase()} ${route}`;
  }
  fs.writeFileSync(path.join(site, 'specs', `${name}.json`), JSON.stringify(document));
  documents[name] = `specs/${name}.json`;
  counts[name] = { kept: kept.length, total };
}
fs.writeFileSync(path.join(site, 'documents.json'), JSON.stringify(documents, null, 2));

const docusaurus = (...command) => execFileSync(path.join(site, 'node_modules', '.bin', 'docusaurus'), command,
  { cwd: site, stdio: ['ignore', 'ignore', 'inherit'] });
docusaurus('gen-api-docs', 'all');
docusaurus('build', '--out-dir', 'build');

const server = await serve(path.join(site, 'build'));
const chromium = await browser();
for (const name of Object.keys(documents)) {
  // A fresh browser context per document: the theme keeps the chosen
  // server in the browser's storage, which would leak into the next one.
  const context = await chromium.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1400, height: 1000 });
  // The operation pages, by the ids the plugin gave them, in its order.
  const folder = path.join(site, 'docs', name);
  const ids = fs.readdirSync(folder).filter((file) => file.endsWith('.api.mdx')).sort()
    .map((file) => /^id: (.*)$/m.exec(fs.readFileSync(path.join(folder, file), 'utf8'))?.[1]?.trim())
    .filter(Boolean);
  const texts = [];
  for (const id of ids) {
    await page.goto(`${server.base}/${name}/${id}`, { waitUntil: 'networkidle0', timeout: 60000 });
    await settle(200);
    const text = await page.evaluate(() => (document.querySelector('main') ?? document.body).innerText);
    texts.push({ key: id, text });
    if (html) {
      const dir = path.join(outRoot, name, 'html-docusaurus');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `${id}.html`), await page.content());
    }
  }
  await context.close();
  writeTexts(path.join(outRoot, name, 'docusaurus'), texts, { sampled: counts[name].kept, total: counts[name].total });
  console.log(`docusaurus: ${texts.length} of ${counts[name].kept} sampled operations (${counts[name].total} in the document) written to ${path.join(outRoot, name, 'docusaurus')}`);
}
await chromium.close();
server.close();
