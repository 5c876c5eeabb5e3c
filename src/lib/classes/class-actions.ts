import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { ValidationError } from '../errors.ts';
import { runAction } from '../http/form-action.ts';
import { type PagePost, submit } from '../http/page-post.ts';
import type { ScopeSubject } from '../org/scope.ts';
import { assignCourse } from './assigned-courses.ts';
import { ClassEditForm, ClassForm, classFieldsFrom, classPatchFrom, CourseForm, RosterForm, rosterAdditionFrom, SessionForm, sessionFieldsFrom } from './class-forms.ts';
import { createClass, updateClass } from './classes.ts';
import type { ContentLookup } from './content-lookup.ts';
import { addMembers, removeMember } from './roster.ts';
import { addMembersFromRosterFile } from './roster-file.ts';
import { createSession } from './sessions.ts';

/** The new-class form at /classes/new. */
export function handleNewClassPost(db: Kysely<Database>, actor: ScopeSubject, request: Request, content: ContentLookup): Promise<PagePost> {
  return submit(request, 'class', ClassForm, (data) => createClass(db, actor, classFieldsFrom(data), content), (id) => `/classes/${id}?done=created`);
}

/**
 * The forms of a class's page (`?action=`): edit, members (add), remove (`&user=`), course (assign),
 * session (schedule). Rules, scope and audit live in the domain functions.
 */
export async function handleClassPost(db: Kysely<Database>, actor: ScopeSubject, classId: string, request: Request, url: URL, content: ContentLookup): Promise<PagePost> {
  const back = (done: string, anchor: string) => `/classes/${classId}?done=${done}#${anchor}`;
  switch (url.searchParams.get('action')) {
    case 'edit':
      return submit(request, 'class', ClassEditForm, (data) => updateClass(db, actor, classId, classPatchFrom(data), content), () => back('saved', 'details'));
    case 'members':
      return submit(request, 'members', RosterForm, (data) => {
        const addition = rosterAdditionFrom(data);
        if (!addition) throw new ValidationError('一次最多添加 500 个账号。', { field: 'logins' });
        return addMembers(db, actor, classId, addition);
      }, ({ added }) => back(`added-${added}`, 'roster'));
    case 'members-file': {
      const outcome = await runAction(async () => {
        const file = await request.formData().then((form) => form.get('file')).catch(() => null);
        if (!(file instanceof File) || file.size === 0) throw new ValidationError('请选择要上传的名单文件（.xlsx）。', { field: 'file' });
        return addMembersFromRosterFile(db, actor, classId, new Uint8Array(await file.arrayBuffer()));
      });
      return outcome.ok ? { redirect: back(`added-${outcome.value.added}`, 'roster'), status: 303, errors: {}, values: {} } : { status: outcome.status, form: 'members-file', errors: outcome.errors, values: {} };
    }
    case 'remove': {
      const outcome = await runAction(() => removeMember(db, actor, classId, url.searchParams.get('user') ?? ''));
      return outcome.ok ? { redirect: back('removed', 'roster'), status: 303, errors: {}, values: {} } : { status: outcome.status, form: 'roster', errors: outcome.errors, values: {} };
    }
    case 'course':
      return submit(request, 'course', CourseForm, (data) => assignCourse(db, actor, classId, { courseId: data.courseId, dueOn: data.dueOn || null }, content), () => back('assigned', 'courses'));
    case 'session':
      return submit(request, 'session', SessionForm, (data) => createSession(db, actor, classId, sessionFieldsFrom(data), content), (id) => `/classes/${classId}/sessions/${id}?done=created`);
    default:
      return { status: 400, errors: { _: '未知的操作。' }, values: {} };
  }
}
