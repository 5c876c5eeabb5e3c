import Figure from './Figure.astro';
import KeyPoint from './KeyPoint.astro';
import Media from './Media.astro';
import Quote from './Quote.astro';
import Reflection from './Reflection.astro';
import Term from './Term.astro';
import Timeline from './Timeline.astro';
import TimelineItem from './TimelineItem.astro';

/**
 * Every component a lesson may use, by the name trainers write: `<Content components={mdxComponents} />`.
 * Keep in step with COMPONENT_RULES in src/lib/catalog/lint.ts and with content/README.md.
 */
export const mdxComponents = { Figure, KeyPoint, Media, Quote, Reflection, Term, Timeline, TimelineItem };
