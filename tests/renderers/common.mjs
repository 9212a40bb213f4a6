// What the rendering scripts share: reading a document and sampling its
// operations, a static server on loopback, Debian's Chromium, and writing
// each operation's text.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import yaml from 'js-yaml';
import puppeteer from 'puppeteer-core';

export const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** The folder name of a document's pages: `authentik-2025.12.6.yml` -> `authentik-2025-12-6`. */
export const nameOf = (file) => path.basename(file).replace(/\.(json|ya?ml)$/, '').replace(/[^A-Za-z0-9]+/g, '-');

/**
 * The document at `file` with only the sampled operations in `paths`: all
 * of them when there are at most `sample`, else `sample` spread evenly
 * over the document (always the same ones). Also the operations kept, as
 * `{route, method, operation}`, and how many there were.
 */
export function sampled(file, sample) {
  const text = fs.readFileSync(file, 'utf8');
  const document = file.endsWith('.json') ? JSON.parse(text) : yaml.load(text);
  const all = [];
  for (const [route, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      if (item && item[method]) all.push({ route, method, operation: item[method] });
    }
  }
  const keep = new Set();
  if (all.length <= sample) {
    all.forEach((_, index) => keep.add(index));
  } else {
    for (let i = 0; i < sample; i++) keep.add(Math.floor((i * all.length) / sample));
  }
  const kept = all.filter((_, index) => keep.has(index));
  const paths = {};
  for (const { route, method, operation } of kept) {
    paths[route] ??= Object.fromEntries(
      Object.entries(document.paths[route]).filter(([key]) => !METHODS.includes(key)));
    paths[route][method] = operation;
  }
  document.paths = paths;
  // Webhooks are requests the server makes: no page of ours describes them.
  delete document.webhooks;
  delete document['x-webhooks'];
  return { document, kept, total: all.length };
}

const TYPES = {
  '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.html': 'text/html', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.png': 'image/png',
};

/**
 * A server on a free loopback port: `routes` maps a path to a body; other
 * paths are files under `root`. Resolves to its base URL and a close().
 */
export async function serve(root, routes = {}) {
  const server = http.createServer((request, response) => {
    const url = decodeURIComponent(request.url.split('?')[0]);
    let body = routes[url];
    let type = TYPES[path.extname(url)] ?? (url.endsWith('/') || !path.extname(url) ? TYPES['.html'] : 'application/octet-stream');
    if (body === undefined && !url.includes('..')) {
      let file = path.join(root, url);
      if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
        file = path.join(file, 'index.html');
        type = TYPES['.html'];
      }
      if (fs.existsSync(file)) body = fs.readFileSync(file);
    }
    if (body === undefined) {
      response.writeHead(404);
      response.end();
      return;
    }
    response.writeHead(200, { 'content-type': type });
    response.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/** Debian's Chromium, headless, without the calls home a closed network refuses. */
export async function browser() {
  return puppeteer.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

export const settle = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Writes each `{key, text}` as `NNN_<key>.txt` in `dir`, in order, and
 * beside the folder `<dir>.json`: how many operations were sampled, of how
 * many, and how many pages were written.
 */
export function writeTexts(dir, texts, { sampled, total }) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(`${dir}.json`, JSON.stringify({ sampled, total, pages: texts.length }));
  texts.forEach(({ key, text }, index) => {
    const name = `${String(index).padStart(3, '0')}_${key.replace(/[^A-Za-z0-9]+/g, '_').slice(0, 60)}.txt`;
    fs.writeFileSync(path.join(dir, name), text.endsWith('\n') ? text : `${text}\n`);
  });
}
