import type { Config } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import { themes as prismThemes } from 'prism-react-renderer';
import { catalog } from '@workshop/catalog';
import { labFiles } from './src/plugins/remark-lab-files';

// Browsers with native CSS cascade layers. Without a browserslist, the CSS minifier polyfills the
// layers with :not(#\#) selectors that outrank src/css/custom.css (its accessible colours are lost).
// Set here rather than in package.json so a build started from any folder gets the same CSS.
process.env.BROWSERSLIST ??= '>0.5%, not dead, not op_mini all';

/** The workshop site: English (default) and Korean, built offline, no broken links allowed. */
const config: Config = {
  title: 'AWS Architecture Workshop',
  tagline: 'A shopping mall grows up on AWS, one lab at a time',
  favicon: 'img/favicon.svg',
  url: 'https://workshop.example.com',
  baseUrl: '/',
  trailingSlash: false,
  onBrokenLinks: 'throw',
  // Anchors into lab guides that rules name are checked by src/content.test.ts with a message naming the rule and
  // the file to fix; failing the whole build here would also stop every browser test.
  onBrokenAnchors: 'warn',
  markdown: {
    mermaid: true,
    // Guides write explicit heading ids as `## Story {#story}` so both locales share anchors.
    mdx1Compat: { headingIds: true, comments: false, admonitions: false },
    hooks: { onBrokenMarkdownLinks: 'throw', onBrokenMarkdownImages: 'throw' },
  },
  future: {
    v4: true,
    // Everything `faster: true` turns on except Rspack's persistent cache: two builds of this site
    // at once (a test run and a guide author's build) left that cache in a state where every later
    // build hung without output. A cold build of both locales takes about 20 s anyway.
    faster: {
      swcJsLoader: true,
      swcJsMinimizer: true,
      swcHtmlMinimizer: true,
      lightningCssMinimizer: true,
      mdxCrossCompilerCache: true,
      rspackBundler: true,
      rspackPersistentCache: false,
      ssgWorkerThreads: true,
      gitEagerVcs: true,
    },
  },
  i18n: {
    defaultLocale: 'en',
    locales: ['en', 'ko'],
    localeConfigs: {
      en: { label: 'English', htmlLang: 'en' },
      ko: { label: '한국어', htmlLang: 'ko' },
    },
  },
  presets: [
    [
      'classic',
      {
        docs: {
          sidebarPath: './sidebars.ts',
          remarkPlugins: [labFiles],
        },
        blog: false,
        pages: { remarkPlugins: [labFiles] },
        theme: { customCss: './src/css/custom.css' },
      } satisfies Preset.Options,
    ],
  ],
  themes: [
    '@docusaurus/theme-mermaid',
    [
      '@easyops-cn/docusaurus-search-local',
      {
        // "ko" adds lunr's Korean trimmer: with "en" alone, lunr's English trimmer strips every
        // Hangul character (it keeps only \w), so Korean pages were indexed as empty tokens.
        language: ['en', 'ko'],
        hashed: true,
        indexBlog: false,
        docsRouteBasePath: '/docs',
        highlightSearchTermsOnTargetPage: false,
        searchResultLimits: 8,
        // The Ctrl+K hint is drawn in a contrast axe rejects; the shortcut itself still works.
        searchBarShortcutHint: false,
      },
    ],
  ],
  plugins: ['./src/plugins/workshop-data.ts'],
  themeConfig: {
    colorMode: { respectPrefersColorScheme: true },
    mermaid: { theme: { light: 'neutral', dark: 'dark' } },
    navbar: {
      title: 'AWS Architecture Workshop',
      logo: { alt: 'Workshop logo', src: 'img/favicon.svg' },
      items: [
        { type: 'doc', docId: 'getting-started', position: 'left', label: 'Getting started' },
        { type: 'doc', docId: `labs/${catalog.labs[0].id}`, position: 'left', label: 'Labs' },
        { type: 'doc', docId: 'checker-reference', position: 'left', label: 'Checker' },
        { type: 'doc', docId: 'instructor-guide', position: 'left', label: 'Instructors' },
        { type: 'localeDropdown', position: 'right' },
      ],
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: 'Workshop',
          items: [
            { label: 'Getting started', to: '/docs/getting-started' },
            { label: 'Where to deploy', to: '/docs/where-to-deploy' },
            { label: 'Glossary', to: '/docs/glossary' },
          ],
        },
      ],
      copyright: 'Licensed MIT-0. Built with Docusaurus.',
    },
    // gruvboxMaterialDark is the bundled theme whose every token keeps 4.5:1 contrast (axe color-contrast).
    prism: {
      theme: prismThemes.gruvboxMaterialDark,
      darkTheme: prismThemes.gruvboxMaterialDark,
      additionalLanguages: ['bash', 'json', 'diff'],
    },
  } satisfies Preset.ThemeConfig,
};

export default config;
