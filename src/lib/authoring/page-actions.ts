import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { type PagePost, submit } from '../http/page-post.ts';
import type { ScopeSubject } from '../org/scope.ts';
import { addLesson, moveLesson, removeLesson, setCourseFields, setQuiz, updateLesson } from './draft-edits.ts';
import { createAuthoredCourse, editDraft, newLessonSlug, usedLessonSlugs } from './drafting.ts';
import { CourseFieldsForm, courseFieldsFrom, CreateCourseForm, LessonForm, lessonFieldsFrom, LessonRefForm, QuizForm, ReviewForm, RollbackForm, SubmitForm } from './forms.ts';
import { publishVersion, returnVersion, rollBack, submitVersion } from './review.ts';

/** The new-course form on /authoring. */
export function handleCreatePost(db: Kysely<Database>, actor: ScopeSubject, request: Request, slugTaken: (slug: string) => boolean): Promise<PagePost> {
  return submit(request, 'create', CreateCourseForm, (data) => createAuthoredCourse(db, actor, data, slugTaken), ({ slug }) => `/authoring/${slug}?done=created`);
}

/**
 * The forms of a course's authoring page (`?action=`): course fields, lessons (add, move, remove),
 * submission; and of its review page: decision and rollback. Rules and access live in the domain.
 */
export async function handleCoursePost(db: Kysely<Database>, actor: ScopeSubject, slug: string, request: Request, url: URL): Promise<PagePost | null> {
  const back = (done: string, anchor = '') => `/authoring/${slug}?done=${done}${anchor && `#${anchor}`}`;
  const lessonRef = (change: (data: { lesson: string; title: string }) => Parameters<typeof editDraft>[3]['change'], done: string) =>
    submit(request, 'lessons', LessonRefForm, (data) => editDraft(db, actor, slug, { change: change(data) }), () => back(done, 'lessons'));
  switch (url.searchParams.get('action')) {
    case 'course':
      return submit(request, 'course', CourseFieldsForm, (data) => editDraft(db, actor, slug, { baseUpdatedAt: data.baseUpdatedAt || undefined, change: (c) => setCourseFields(c, courseFieldsFrom(data)) }), () => back('saved', 'course'));
    case 'add-lesson':
      return submit(
        request,
        'lessons',
        LessonRefForm,
        async (data) => {
          const lessonSlug = newLessonSlug(await usedLessonSlugs(db, slug));
          await editDraft(db, actor, slug, { change: (c) => addLesson(c, lessonSlug, data.title) });
          return lessonSlug;
        },
        (lessonSlug) => `/authoring/${slug}/lessons/${lessonSlug}`,
      );
    case 'move-up':
      return lessonRef((d) => (c) => moveLesson(c, d.lesson, -1), 'moved');
    case 'move-down':
      return lessonRef((d) => (c) => moveLesson(c, d.lesson, 1), 'moved');
    case 'remove':
      return lessonRef((d) => (c) => removeLesson(c, d.lesson), 'removed');
    case 'submit':
      return submit(request, 'submit', SubmitForm, (data) => submitVersion(db, actor, slug, data.note), () => back('submitted'));
    case 'review':
      return submit(
        request,
        'review',
        ReviewForm,
        (data) => (data.decision === 'publish' ? publishVersion(db, actor, slug, data.comment) : returnVersion(db, actor, slug, data.comment)),
        () => `/authoring/${slug}/review?done=reviewed`,
      );
    case 'rollback':
      return submit(request, 'rollback', RollbackForm, (data) => rollBack(db, actor, slug, data.version, data.reason), () => `/authoring/${slug}/review?done=rolled-back`);
    case 'quiz':
      return submit(request, 'quiz', QuizForm, (data) => editDraft(db, actor, slug, { baseUpdatedAt: data.baseUpdatedAt || undefined, change: (c) => setQuiz(c, data.yaml) }), () => `/authoring/${slug}/quiz?done=saved`);
    default:
      return null;
  }
}

/** The lesson editor's form, for browsers without JavaScript (the editor itself saves through the API). */
export function handleLessonPost(db: Kysely<Database>, actor: ScopeSubject, slug: string, lessonSlug: string, request: Request): Promise<PagePost> {
  return submit(
    request,
    'lesson',
    LessonForm,
    (data) => editDraft(db, actor, slug, { baseUpdatedAt: data.baseUpdatedAt || undefined, change: (c) => updateLesson(c, lessonSlug, lessonFieldsFrom(data)) }),
    () => `/authoring/${slug}/lessons/${lessonSlug}?done=saved`,
  );
}
