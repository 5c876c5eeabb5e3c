import { beijingYearStart } from '../../src/lib/hours/beijing-year.ts';
import type { QuizBank } from '../../src/lib/quiz/bank-schema.ts';
import type { SeededRandom } from './seeded-random.ts';

/** A lesson as the generator needs it: its id and the study time that completes it. */
export interface ActivityLesson {
  id: string;
  requiredSeconds: number;
  /** Length of the lesson's audio or video; a done lesson has watched all of it. */
  mediaSeconds?: number;
}

/** A quiz without a bank on disk: the generator makes a bank of single-choice questions for it. */
export interface SyntheticQuiz {
  questionCount: number;
  passMark: number;
  attemptLimit?: number;
  timeLimitMinutes?: number;
}

/** A real bank (papers drawn and scored as the app does) or a synthetic one. */
export type ActivityQuiz = { bank: QuizBank } | SyntheticQuiz;

export interface ActivityCourse {
  id: string;
  title: string;
  hoursTenths: number;
  lessons: ActivityLesson[];
  quiz?: ActivityQuiz;
}

export interface ActivityCadre {
  id: string;
  unitId: string;
  /** The cadre's yearly target; the plan's default when absent. */
  targetTenths?: number;
}

export const ENROLLMENT_STAGES = ['enrolled', 'studying', 'lessons-done', 'quiz-failed', 'quiz-exhausted', 'completed'] as const;
export type EnrollmentStage = (typeof ENROLLMENT_STAGES)[number];

/** A state a caller needs to find in the data (a demo account ready to take a quiz, say). */
export interface PinnedEnrollment {
  cadreId: string;
  courseId: string;
  stage: EnrollmentStage;
}

export interface ActivityPlan {
  cadres: ActivityCadre[];
  courses: ActivityCourse[];
  /** The Beijing-time year the activity belongs to. */
  year: number;
  /** Nothing is dated after this moment. */
  now: Date;
  seed: number;
  /** Courses units may assign as required (必修); default: the first three. */
  requiredCourseIds?: string[];
  /** Required courses per cadre, the same for everyone in a unit; default 2. */
  requiredPerCadre?: number;
  /** Default yearly target in tenths of an hour; default 500. */
  targetTenths?: number;
  /** The staff member who assigns required courses and makes adjustments; null: no adjustments. */
  staffId: string | null;
  pinned?: PinnedEnrollment[];
  /** Cadres whose year holds only their pinned enrolments and their untouched required courses: no hours yet. */
  pinnedOnly?: string[];
}

export interface PlannedEnrollment {
  course: ActivityCourse;
  required: boolean;
  stage: EnrollmentStage;
  /** Epoch ms. */
  enrolledAt: number;
  /** Epoch ms: the completion, or the last study or quiz activity. */
  endAt: number;
  /** Failed quiz attempts before the pass (completed) or so far (quiz-failed, quiz-exhausted). */
  failedAttempts: number;
}

export interface PlannedAdjustment {
  hoursTenths: number;
  sourceTitle: string;
  reason: string;
  at: number;
}

/** The span of the plan's year the activity may use, in epoch ms. */
export interface YearWindow {
  start: number;
  end: number;
  /** Share of the year gone at `end`, 0–1, for "on pace". */
  elapsedShare: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** People study a little past a lesson's requirement: up to this share more. */
export const MAX_OVERSTUDY = 0.3;
/** Longest time spent on one quiz attempt when the quiz has no time limit. */
const UNTIMED_ATTEMPT_MINUTES = 25;

/** From the start of `year` in Beijing time to `now` (or the year's last second, for a past year). */
export function yearWindow(year: number, now: Date): YearWindow {
  const start = beijingYearStart(year).getTime();
  const yearEnd = beijingYearStart(year + 1).getTime();
  if (now.getTime() < start) throw new Error(`generateActivity: now (${now.toISOString()}) is before the start of ${year} in Beijing time.`);
  const end = Math.min(now.getTime(), yearEnd - 1000);
  return { start, end, elapsedShare: (end - start) / (yearEnd - start) };
}

const attemptLimitOf = (quiz: ActivityQuiz) => ('bank' in quiz ? quiz.bank.attemptLimit : (quiz.attemptLimit ?? 3));
/** Upper bound of the minutes one attempt takes. */
export const attemptMinutesOf = (quiz: ActivityQuiz) =>
  Math.min(UNTIMED_ATTEMPT_MINUTES, ('bank' in quiz ? quiz.bank.timeLimitMinutes : quiz.timeLimitMinutes) ?? UNTIMED_ATTEMPT_MINUTES);

/** Longest study and quiz time the rows of this stage can take, so a timeline that allows it always fits. */
function busySeconds(course: ActivityCourse, stage: EnrollmentStage, failedAttempts: number): number {
  if (stage === 'enrolled') return 0;
  const study = course.lessons.reduce((sum, l) => sum + Math.ceil(l.requiredSeconds * (1 + MAX_OVERSTUDY)), 0);
  const attempts = !course.quiz ? 0 : failedAttempts + (stage === 'completed' ? 1 : 0);
  return study + attempts * (course.quiz ? attemptMinutesOf(course.quiz) * 60 : 0);
}

interface Profile {
  share: number;
  /** Hours by now as a multiple of the even pace. */
  pace: [number, number];
  requiredCompletion: number;
  electivesInProgress: number;
}

/** Cadres who have not studied this year (they may have opened an assigned course). */
const IDLE: Profile = { share: 0.1, pace: [0, 0], requiredCompletion: 0, electivesInProgress: 0 };

/** Who studies how much: a tail with nothing, some behind, many near pace, some far ahead. */
const PROFILES: Profile[] = [
  IDLE,
  { share: 0.17, pace: [0.15, 0.6], requiredCompletion: 0.4, electivesInProgress: 1 },
  { share: 0.53, pace: [0.8, 1.25], requiredCompletion: 0.85, electivesInProgress: 2 },
  { share: 0.13, pace: [1.3, 1.9], requiredCompletion: 1, electivesInProgress: 2 },
  { share: 0.07, pace: [2.2, 3.2], requiredCompletion: 1, electivesInProgress: 1 },
];

function pickProfile(random: SeededRandom): Profile {
  let r = random.next();
  for (const profile of PROFILES) if ((r -= profile.share) < 0) return profile;
  return PROFILES[2]!;
}

/** What a unit assigned: the same required courses and date for all its people. */
export interface UnitAssignment {
  courses: ActivityCourse[];
  assignedAt: number;
}

/** Draws a unit's required courses and the day they were assigned, within the first weeks of the year. */
export function unitAssignment(random: SeededRandom, pool: ActivityCourse[], perCadre: number, window: YearWindow): UnitAssignment {
  const latest = Math.min(window.end, window.start + 45 * DAY_MS);
  return { courses: random.shuffle(pool).slice(0, perCadre), assignedAt: Math.floor(random.between(window.start, latest)) };
}

const IN_PROGRESS_STAGES: Array<[EnrollmentStage, number]> = [['enrolled', 0.2], ['studying', 0.5], ['lessons-done', 0.15], ['quiz-failed', 0.1], ['quiz-exhausted', 0.05]];

function inProgressStage(random: SeededRandom): EnrollmentStage {
  let r = random.next();
  for (const [stage, share] of IN_PROGRESS_STAGES) if ((r -= share) < 0) return stage;
  return 'studying';
}

/** The enrolments of one cadre's year and the hours they still lack that the catalog cannot supply. */
export function planCadreYear(
  random: SeededRandom,
  input: { courses: ActivityCourse[]; assignment: UnitAssignment; targetTenths: number; window: YearWindow; pinned: PinnedEnrollment[]; pinnedOnly: boolean },
): { enrollments: PlannedEnrollment[]; shortfallTenths: number; idle: boolean } {
  const { window, assignment } = input;
  const profile = input.pinnedOnly ? IDLE : pickProfile(random);
  const goal = Math.round(input.targetTenths * window.elapsedShare * random.between(profile.pace[0], profile.pace[1]));
  const pinnedIds = new Set(input.pinned.map((p) => p.courseId));
  const enrollments: PlannedEnrollment[] = input.pinned.map((p) => pinnedEnrollment(random, input.courses, assignment, p, window));
  let earned = 0;

  for (const course of assignment.courses.filter((c) => !pinnedIds.has(c.id))) {
    const stage = input.pinnedOnly ? 'enrolled' : requiredStage(random, profile);
    const planned = timed(random, course, true, stage, assignment.assignedAt, window);
    if (planned.stage === 'completed') earned += course.hoursTenths;
    enrollments.push(planned);
  }
  const taken = new Set(enrollments.map((e) => e.course.id));
  const electives = random.shuffle(input.courses.filter((c) => !taken.has(c.id)));
  let next = 0;
  for (; next < electives.length && earned < goal - 10; next++) {
    const course = electives[next]!;
    if (earned + course.hoursTenths > goal + 10 && earned > 0) continue;
    const planned = timed(random, course, false, 'completed', null, window);
    if (planned.stage === 'completed') earned += course.hoursTenths;
    enrollments.push(planned);
  }
  const inProgress = random.int(profile.electivesInProgress + 1);
  for (const course of electives.slice(next, next + inProgress)) enrollments.push(timed(random, course, false, inProgressStage(random), null, window));
  const catalogExhausted = next >= electives.length;
  return { enrollments, shortfallTenths: catalogExhausted ? Math.max(0, goal - earned) : 0, idle: profile === IDLE };
}

function requiredStage(random: SeededRandom, profile: Profile): EnrollmentStage {
  if (random.chance(profile.requiredCompletion)) return 'completed';
  return profile === IDLE ? random.pick(['enrolled', 'enrolled', 'studying'] as const) : inProgressStage(random);
}

function failuresFor(random: SeededRandom, course: ActivityCourse, stage: EnrollmentStage): number {
  if (!course.quiz) return 0;
  const limit = attemptLimitOf(course.quiz);
  if (stage === 'quiz-exhausted') return limit;
  if (stage === 'quiz-failed') return limit > 1 ? random.intBetween(1, limit - 1) : 0;
  if (stage !== 'completed') return 0;
  const r = random.next();
  return Math.min(limit - 1, r < 0.7 ? 0 : r < 0.92 ? 1 : 2);
}

/** A stage that makes sense for the course: without a quiz, finished lessons complete it. */
function stageFor(course: ActivityCourse, stage: EnrollmentStage): EnrollmentStage {
  if (course.quiz) return stage;
  return stage === 'lessons-done' || stage === 'quiz-failed' || stage === 'quiz-exhausted' ? 'studying' : stage;
}

const DOWNGRADE: Record<EnrollmentStage, EnrollmentStage> = {
  completed: 'studying',
  'quiz-exhausted': 'studying',
  'quiz-failed': 'studying',
  'lessons-done': 'studying',
  studying: 'enrolled',
  enrolled: 'enrolled',
};

/** Places an enrolment in the window; a stage that has no room left (early January) is lowered. */
function timed(random: SeededRandom, course: ActivityCourse, required: boolean, wanted: EnrollmentStage, assignedAt: number | null, window: YearWindow): PlannedEnrollment {
  let stage = stageFor(course, wanted);
  for (;;) {
    const failedAttempts = failuresFor(random, course, stage);
    const busy = busySeconds(course, stage, failedAttempts) * 1000;
    const recent = stage !== 'completed';
    const earliest = assignedAt ?? (recent ? Math.max(window.start, window.end - 60 * DAY_MS) : window.start);
    if (window.end - earliest >= busy) {
      const enrolledAt = assignedAt ?? Math.floor(random.between(earliest, window.end - busy));
      const room = window.end - enrolledAt - busy;
      const extra = stage === 'enrolled' ? 0 : required || recent ? random.next() * room : Math.min(room, random.next() * 30 * DAY_MS);
      return { course, required, stage, enrolledAt, endAt: Math.floor(enrolledAt + busy + extra), failedAttempts };
    }
    stage = DOWNGRADE[stage];
  }
}

/** A pinned state, timed just before now so it reads as recent; it may start in the previous year. */
function pinnedEnrollment(random: SeededRandom, courses: ActivityCourse[], assignment: UnitAssignment, pin: PinnedEnrollment, window: YearWindow): PlannedEnrollment {
  const course = courses.find((c) => c.id === pin.courseId);
  if (!course) throw new Error(`generateActivity: pinned course "${pin.courseId}" is not in the plan's courses.`);
  if (stageFor(course, pin.stage) !== pin.stage) throw new Error(`generateActivity: course "${course.id}" has no quiz, so it cannot be pinned at stage "${pin.stage}".`);
  const failedAttempts = failuresFor(random, course, pin.stage);
  const before = pin.stage === 'completed' ? random.between(3, 14) * DAY_MS : random.between(1, 30) * HOUR_MS;
  const endAt = Math.floor(Math.max(window.start, window.end - before));
  const required = assignment.courses.includes(course);
  const latestStart = Math.floor(endAt - busySeconds(course, pin.stage, failedAttempts) * 1000 - random.between(1, 5) * DAY_MS);
  return { course, required, stage: pin.stage, enrolledAt: required ? Math.min(assignment.assignedAt, latestStart) : latestStart, endAt, failedAttempts };
}
