import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { runAction } from '../http/form-action.ts';
import type { ScopeSubject } from '../org/scope.ts';
import { recordManualEntry } from './attendance.ts';
import { type PagePost, submit } from '../http/page-post.ts';
import { ManualEntryForm, RecordingForm, SessionForm, sessionFieldsFrom } from './class-forms.ts';
import { closeSession } from './close-session.ts';
import type { ContentLookup } from './content-lookup.ts';
import { updateSession } from './sessions.ts';

/**
 * The forms of a session's live page (`?action=`): leave, manual (check-in), close, edit, recording.
 * Each answers with a redirect (post/redirect/get: a reload never posts twice) or the failed form.
 */
export async function handleSessionPost(db: Kysely<Database>, actor: ScopeSubject, classId: string, sessionId: string, request: Request, url: URL, content: ContentLookup): Promise<PagePost> {
  const back = (done: string, anchor = 'attendance') => `/classes/${classId}/sessions/${sessionId}?done=${done}#${anchor}`;
  const action = url.searchParams.get('action');
  switch (action) {
    case 'leave':
    case 'manual':
      return submit(request, action, ManualEntryForm, (data) => recordManualEntry(db, actor, classId, sessionId, { ...data, status: action === 'leave' ? 'leave' : 'present' }), () => back(action));
    case 'close': {
      const outcome = await runAction(() => closeSession(db, actor, classId, sessionId));
      return outcome.ok ? { redirect: back(`closed-${outcome.value.credited}`), status: 303, errors: {}, values: {} } : { status: outcome.status, form: 'close', errors: outcome.errors, values: {} };
    }
    case 'edit':
      return submit(request, 'edit', SessionForm, (data) => updateSession(db, actor, classId, sessionId, sessionFieldsFrom(data), content), () => back('saved', 'details'));
    case 'recording':
      return submit(request, 'recording', RecordingForm, (data) => updateSession(db, actor, classId, sessionId, { recordingLessonId: data.recordingLessonId || null }, content), () => back('recording', 'recording'));
    default:
      return { status: 400, errors: { _: '未知的操作。' }, values: {} };
  }
}
