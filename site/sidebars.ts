import type { SidebarsConfig } from '@docusaurus/plugin-content-docs';
import { catalog } from '@workshop/catalog';

/** The one sidebar: reference pages around the labs, which come from labs/catalog.json in its order. */
const sidebars: SidebarsConfig = {
  workshop: [
    'getting-started',
    'where-to-deploy',
    {
      type: 'category',
      label: 'Labs',
      collapsible: false,
      className: 'workshop-labs',
      items: catalog.labs.map((lab) => ({ type: 'doc' as const, id: `labs/${lab.id}`, className: 'workshop-lab' })),
    },
    'checker-reference',
    'instructor-guide',
    'glossary',
  ],
};

export default sidebars;
