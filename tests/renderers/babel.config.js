// Docusaurus's preset; `unambiguous` so the theme's CommonJS files stay
// CommonJS (as ES modules, their `exports` is undefined in the browser).
module.exports = {
  presets: [require.resolve('@docusaurus/core/lib/babel/preset')],
  sourceType: 'unambiguous',
};
