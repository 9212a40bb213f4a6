// A site of API reference pages only: one docs section per document that
// docusaurus.mjs lists in `documents.json` (name -> OpenAPI file).
const documents = require('./documents.json');

module.exports = {
  title: 'API',
  url: 'http://127.0.0.1',
  baseUrl: '/',
  onBrokenLinks: 'ignore',
  presets: [['classic', {
    docs: { routeBasePath: '/', sidebarPath: false, docItemComponent: '@theme/ApiItem' },
    blog: false,
    pages: false,
    theme: {},
  }]],
  plugins: [['docusaurus-plugin-openapi-docs', {
    id: 'api',
    docsPluginId: 'classic',
    config: Object.fromEntries(Object.entries(documents).map(([name, specPath]) =>
      [name, { specPath, outputDir: `docs/${name}`, sidebarOptions: { groupPathsBy: 'tag' } }])),
  }]],
  themes: ['docusaurus-theme-openapi-docs'],
};
