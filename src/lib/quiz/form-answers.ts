import { ValidationError } from '../errors.ts';
import type { SubmittedAnswers } from './scoring.ts';

/** Form field of a question on the quiz page: `q-<question id>`, one value per chosen displayed position. */
export const answerField = (questionId: string) => `q-${questionId}`;

/**
 * The answers of a submitted quiz form (works without JavaScript: radio buttons and checkboxes).
 * Anything that is not a small whole number is refused, not guessed at.
 */
export function answersFromForm(form: FormData): SubmittedAnswers {
  const answers = new Map<string, number[]>();
  for (const [key, value] of form.entries()) {
    if (!key.startsWith('q-')) continue;
    if (typeof value !== 'string' || !/^\d{1,2}$/.test(value)) throw new ValidationError('答卷内容无效，请刷新页面后重新作答。');
    const questionId = key.slice(2);
    answers.set(questionId, [...(answers.get(questionId) ?? []), Number(value)]);
  }
  return [...answers].map(([questionId, choices]) => ({ questionId, choices }));
}
