import MDXComponents from '@theme-original/MDXComponents';
import SolutionDiagram from '@site/src/components/SolutionDiagram';

/** The theme's MDX components plus the ones every lab guide uses without importing them. */
export default { ...MDXComponents, SolutionDiagram };
