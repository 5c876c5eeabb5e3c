import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { quizBankSchema } from '../../../src/lib/quiz/bank-schema.ts';
import { drawPaper } from '../../../src/lib/quiz/draw.ts';
import { paperForCandidate } from '../../../src/lib/quiz/present.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const COURSES = path.join(ROOT, 'content/courses');
const slugs = readdirSync(COURSES).filter((name) => statSync(path.join(COURSES, name)).isDirectory()).sort();

/** Every course ends with a test: each course folder needs a quiz.yaml the build accepts. */
describe.each(slugs)('content/courses/%s/quiz.yaml', (slug) => {
  const file = path.join(COURSES, slug, 'quiz.yaml');

  test('exists', () => {
    expect(existsSync(file), `${slug} has no quiz.yaml`).toBe(true);
  });

  test.skipIf(!existsSync(file))('passes the schema and draws at least 10 questions from a larger bank', () => {
    const parsed = quizBankSchema.safeParse(yaml.load(readFileSync(file, 'utf8')));
    expect(parsed.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? []).toEqual([]);
    const bank = parsed.data!;
    expect(bank.draw).toBeGreaterThanOrEqual(10);
    expect(bank.questions.length).toBeGreaterThan(bank.draw);
    expect(paperForCandidate(bank, drawPaper(bank))).toHaveLength(bank.draw);
  });
});
