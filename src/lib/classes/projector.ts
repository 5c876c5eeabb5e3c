import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { renderQrSvg } from '../certificates/qr.ts';
import type { ScopeSubject } from '../org/scope.ts';
import { currentCode } from './checkin-code.ts';
import { windowState } from './checkin-window.ts';
import { requireManagedSession } from './sessions.ts';

/** The projector polls at least this often (for the count of check-ins)… */
export const PROJECTOR_POLL_MS = 5000;
/** …and just after each rotation, this long after it, so the new code shows at once. */
const AFTER_ROTATION_MS = 300;

/** What the projector shows now. The code (and its QR) only while check-in is open. */
export interface ProjectorState {
  state: 'before' | 'open' | 'after' | 'closed';
  code: string | null;
  /** The check-in link the QR encodes: `<origin>/checkin/<session id>?c=<code>`. */
  url: string | null;
  /** The QR symbol as SVG markup (numbers and fixed tags only). */
  svg: string | null;
  rotatesAt: string | null;
  /** When to ask again. */
  refreshInMs: number;
  opensAt: string;
  closesAt: string;
  presentCount: number;
  rosterCount: number;
}

/** The check-in link of a code. */
export function checkinUrl(origin: string, sessionId: string, code: string): string {
  return `${origin}/checkin/${encodeURIComponent(sessionId)}?c=${code}`;
}

/** The projector's current code and counts, for the trainer or staff in charge of the session. */
export async function projectorState(db: Kysely<Database>, actor: ScopeSubject, classId: string, sessionId: string, origin: string, now = new Date()): Promise<ProjectorState> {
  const { session } = await requireManagedSession(db, actor, classId, sessionId);
  const [present, roster] = await Promise.all([
    db.selectFrom('attendance').select((eb) => eb.fn.countAll<number>().as('n')).where('session_id', '=', sessionId).where('status', '=', 'present').executeTakeFirstOrThrow(),
    db.selectFrom('class_members').select((eb) => eb.fn.countAll<number>().as('n')).where('class_id', '=', classId).executeTakeFirstOrThrow(),
  ]);
  const opensAt = session.checkin_opens_at;
  const closesAt = session.checkin_closes_at;
  const state = session.status === 'closed' ? 'closed' : windowState({ opensAt, closesAt }, now.getTime());
  const base = { opensAt, closesAt, presentCount: Number(present.n), rosterCount: Number(roster.n) };
  if (state !== 'open') return { ...base, state, code: null, url: null, svg: null, rotatesAt: null, refreshInMs: PROJECTOR_POLL_MS };
  const { code, rotatesAtMs } = currentCode(session.token_secret, now.getTime());
  const url = checkinUrl(origin, sessionId, code);
  return {
    ...base,
    state,
    code,
    url,
    svg: await renderQrSvg(url),
    rotatesAt: new Date(rotatesAtMs).toISOString(),
    refreshInMs: Math.max(500, Math.min(PROJECTOR_POLL_MS, rotatesAtMs - now.getTime() + AFTER_ROTATION_MS)),
  };
}
