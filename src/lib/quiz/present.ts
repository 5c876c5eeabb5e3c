import type { QuestionType, QuizBank } from './bank-schema.ts';
import { optionsOf, resolvePaper, type Paper } from './paper.ts';
import { scorePaper, type QuestionResult, type SubmittedAnswers } from './scoring.ts';

/**
 * What the browser sees of a paper. Before submission only the texts in displayed order: no answer,
 * no explanation and no bank indices, so neither the page nor its JSON can give the key away.
 */
export interface CandidateQuestion {
  /** 1-based position on the paper, as shown (第 1 题). */
  number: number;
  questionId: string;
  type: QuestionType;
  prompt: string;
  /** Option texts in displayed order; answers refer to these positions. */
  options: string[];
}

/** A question after submission, with the candidate's choices, the right ones and why. */
export interface ReviewedQuestion extends CandidateQuestion, Omit<QuestionResult, 'questionId'> {
  explanation: string;
}

/** The paper as the candidate answers it. */
export function paperForCandidate(bank: QuizBank, paper: Paper): CandidateQuestion[] {
  return resolvePaper(bank, paper).map(({ item, question }, i) => {
    const texts = optionsOf(question);
    return {
      number: i + 1,
      questionId: question.id,
      type: question.type,
      prompt: question.prompt,
      options: item.optionOrder.map((bankIndex) => texts[bankIndex]!),
    };
  });
}

/** The paper after submission; validates and scores `answers` the same way `scorePaper` does. */
export function paperReview(bank: QuizBank, paper: Paper, answers: SubmittedAnswers): ReviewedQuestion[] {
  const { perQuestion } = scorePaper(bank, paper, answers);
  const explanations = new Map(bank.questions.map((q) => [q.id, q.explanation]));
  return paperForCandidate(bank, paper).map((shown, i) => {
    const { chosen, correctChoices, correct } = perQuestion[i]!;
    return { ...shown, chosen, correctChoices, correct, explanation: explanations.get(shown.questionId)! };
  });
}
