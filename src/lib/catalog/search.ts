import MiniSearch from 'minisearch';
import type { Catalog, Course, Lesson } from './catalog.ts';
import { excerptAround, type Excerpt } from './excerpt.ts';
import { containsAll, normalize, querySegments, tokenize } from './tokenize.ts';

/**
 * Chinese full-text search over course and lesson titles, summaries and text (MiniSearch with a
 * bigram tokenizer; why: src/decisions/004-chinese-search.md). Ranking: where the query occurs as
 * typed decides first — title above summary above body, a course's own text above its lessons' —
 * and BM25 (titles boosted) orders hits within the same place.
 */

interface SearchDoc {
  id: string;
  courseSlug: string;
  lesson: Lesson | null;
  title: string;
  summary: string;
  body: string;
}

type Normalized = Record<keyof typeof FIELD_RANK, string>;

export interface LessonMatch {
  lesson: Lesson;
  /** Where the query occurs in the lesson text, when it is not already in its title or summary. */
  excerpt: Excerpt | null;
}

export interface CourseMatch {
  course: Course;
  /** Lessons that match, best first (at most three). */
  lessons: LessonMatch[];
}

const FIELD_RANK = { title: 3, summary: 2, body: 1 } as const;
const MAX_LESSONS_PER_COURSE = 3;

function courseDoc(course: Course): SearchDoc {
  const extra = [
    course.audience,
    ...(course.readings ?? []).flatMap((r) => [r.title, r.guidance]),
    ...(course.lectures ?? []).flatMap((l) => [l.topic, l.field, l.summary]),
    ...course.references.map((r) => r.title),
  ];
  const summary = [course.summary, course.category, ...course.tags].join(' ');
  return { id: course.slug, courseSlug: course.slug, lesson: null, title: course.title, summary, body: extra.join(' ') };
}

function lessonDoc(lesson: Lesson): SearchDoc {
  return { id: lesson.id, courseSlug: lesson.courseSlug, lesson, title: lesson.title, summary: lesson.summary, body: [lesson.text, ...lesson.terms.map((t) => t.def)].join(' ') };
}

/** Place of the exact query in a document: 2 × field rank, +1 for a course's own text; 0 if nowhere. */
function placeOf(doc: SearchDoc, text: Normalized, segments: string[]): number {
  for (const field of ['title', 'summary', 'body'] as const) {
    if (containsAll(text[field], segments)) return FIELD_RANK[field] * 2 + (doc.lesson ? 0 : 1);
  }
  return 0;
}

export interface SearchIndex {
  /** Courses matching every word of the query, best first; an empty query matches nothing. */
  search(query: string): CourseMatch[];
}

/** Indexes a catalog; a few milliseconds for dozens of lessons, so it is built once and cached. */
export function buildSearchIndex(catalog: Catalog): SearchIndex {
  const docs = catalog.courses.flatMap((c) => [courseDoc(c), ...c.lessons.map(lessonDoc)]);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const normalized = new Map<string, Normalized>(
    docs.map((d) => [d.id, { title: normalize(d.title), summary: normalize(d.summary), body: normalize(d.body) }]),
  );
  const index = new MiniSearch<SearchDoc>({
    fields: ['title', 'summary', 'body'],
    tokenize,
    processTerm: (term) => term,
    searchOptions: {
      combineWith: 'AND',
      boost: { title: 3, summary: 2 },
      // A single Han character is not a token of its own in the index: find the bigrams it starts.
      prefix: (term) => [...term].length === 1,
    },
  });
  index.addAll(docs);

  return {
    search(query) {
      const segments = querySegments(query);
      if (segments.length === 0) return [];
      const ranked = index
        .search(segments.join(' '))
        .map((hit) => {
          const doc = byId.get(String(hit.id))!;
          return { doc, score: hit.score, place: placeOf(doc, normalized.get(doc.id)!, segments) };
        })
        .sort((a, b) => b.place - a.place || b.score - a.score);

      const matches = new Map<string, CourseMatch>();
      for (const { doc, place } of ranked) {
        const course = catalog.bySlug.get(doc.courseSlug)!;
        const match = matches.get(course.slug) ?? { course, lessons: [] };
        matches.set(course.slug, match);
        if (doc.lesson && match.lessons.length < MAX_LESSONS_PER_COURSE) {
          const inBody = place < FIELD_RANK.summary * 2;
          match.lessons.push({ lesson: doc.lesson, excerpt: inBody ? excerptAround(doc.lesson.text, segments) : null });
        }
      }
      return [...matches.values()];
    },
  };
}

const indexes = new WeakMap<Catalog, SearchIndex>();

/** The search index of a catalog, built on first use and kept as long as the catalog lives. */
export function searchIndexFor(catalog: Catalog): SearchIndex {
  let index = indexes.get(catalog);
  if (!index) {
    index = buildSearchIndex(catalog);
    indexes.set(catalog, index);
  }
  return index;
}
