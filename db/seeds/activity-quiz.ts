import type { QuizBank } from '../../src/lib/quiz/bank-schema.ts';
import { drawPaper, shuffledPrefix } from '../../src/lib/quiz/draw.ts';
import { keyOf, resolvePaper, type Paper } from '../../src/lib/quiz/paper.ts';
import { scorePaper, type SubmittedAnswers } from '../../src/lib/quiz/scoring.ts';
import type { ActivityQuiz } from './activity-plan.ts';
import type { SeededRandom } from './seeded-random.ts';

/** One submitted answer sheet, scored by `scorePaper` exactly as the app scores a submission. */
export interface ScoredSheet {
  paperJson: string;
  answersJson: string;
  questionCount: number;
  correct: number;
  scorePercent: number;
  passed: boolean;
}

export interface QuizSource {
  bank: QuizBank;
  /** A drawn paper answered so that it passes or fails. */
  sheet(random: SeededRandom, passes: boolean): ScoredSheet;
}

const SYNTHETIC_OPTIONS = ['甲', '乙', '丙', '丁'];
/** Distinct papers per synthetic quiz; their scored sheets are reused, which keeps 100,000 attempts cheap. */
const SYNTHETIC_PAPERS = 12;

/** Papers and answer sheets for a quiz: drawn fresh for a real bank, from a reused set for a synthetic one. */
export function quizSource(quiz: ActivityQuiz): QuizSource {
  if ('bank' in quiz) {
    const bank = quiz.bank;
    return { bank, sheet: (random, passes) => scoredSheet(random, bank, drawPaper(bank, random.int), passes) };
  }
  const bank = syntheticBank(quiz);
  const papers: Paper[] = [];
  const sheets = new Map<string, ScoredSheet>();
  return {
    bank,
    sheet(random, passes) {
      const index = random.int(SYNTHETIC_PAPERS);
      while (papers.length <= index) papers.push(drawPaper(bank, random.int));
      const correct = correctCountFor(random, bank, bank.draw, passes);
      const key = `${index}:${correct}`;
      let sheet = sheets.get(key);
      if (!sheet) sheets.set(key, (sheet = scoredSheet(random, bank, papers[index]!, passes, correct)));
      return sheet;
    },
  };
}

/** Single-choice questions (option 甲 right) from a pool twice the paper's size, never stored: papers refer to them by id. */
function syntheticBank(quiz: Exclude<ActivityQuiz, { bank: QuizBank }>): QuizBank {
  const questions = Array.from({ length: quiz.questionCount * 2 }, (_, i) => ({
    id: `s${String(i + 1).padStart(3, '0')}`,
    type: 'single' as const,
    prompt: `模拟题 ${i + 1}`,
    options: SYNTHETIC_OPTIONS,
    answer: [0],
    explanation: '',
  }));
  return { title: '结业测验', passMark: quiz.passMark, attemptLimit: quiz.attemptLimit ?? 3, draw: quiz.questionCount, timeLimitMinutes: quiz.timeLimitMinutes, questions };
}

/** Passes score anywhere from the pass mark up; fails mostly fall just short of it. */
function correctCountFor(random: SeededRandom, bank: QuizBank, questions: number, passes: boolean): number {
  const needed = Math.ceil((bank.passMark * questions) / 100);
  return passes ? random.intBetween(needed, questions) : random.intBetween(Math.max(0, needed - 4), needed - 1);
}

function scoredSheet(random: SeededRandom, bank: QuizBank, paper: Paper, passes: boolean, correct = correctCountFor(random, bank, paper.length, passes)): ScoredSheet {
  const answers = answerSheet(random, bank, paper, correct);
  const score = scorePaper(bank, paper, answers);
  if (score.passed !== passes) throw new Error(`generateActivity: an answer sheet of "${bank.title}" scored ${score.scorePercent}, not the planned ${passes ? 'pass' : 'fail'}.`);
  return { paperJson: JSON.stringify(paper), answersJson: JSON.stringify(answers), questionCount: paper.length, correct: score.correct, scorePercent: score.scorePercent, passed: score.passed };
}

/** Answers with exactly `correctCount` questions right; a wrong one is a wrong option, part of a multiple-choice key, or blank. */
function answerSheet(random: SeededRandom, bank: QuizBank, paper: Paper, correctCount: number): SubmittedAnswers {
  const right = new Set(shuffledPrefix(paper.map((_, i) => i), correctCount, random.int));
  return resolvePaper(bank, paper).flatMap(({ item, question }, i) => {
    const key = new Set(keyOf(question));
    const rightPositions = item.optionOrder.flatMap((bankIndex, position) => (key.has(bankIndex) ? [position] : []));
    if (right.has(i)) return [{ questionId: item.questionId, choices: rightPositions }];
    if (random.chance(0.05)) return [];
    if (question.type === 'multiple') return [{ questionId: item.questionId, choices: rightPositions.slice(0, -1) }];
    const wrong = item.optionOrder.map((_, p) => p).filter((p) => !rightPositions.includes(p));
    return [{ questionId: item.questionId, choices: [random.pick(wrong)] }];
  });
}
