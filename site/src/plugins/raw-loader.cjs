/** Rspack/webpack loader: exports a file's text as a string, so guides embed real lab files. */
module.exports = function rawLoader(source) {
  return `export default ${JSON.stringify(source)};`;
};
