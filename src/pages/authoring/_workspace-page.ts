import type { AstroGlobal } from 'astro';
import { loadWorkspace, type Workspace } from '@/lib/authoring/workspace.ts';
import { requireRole } from '@/lib/auth/guards.ts';
import type { CurrentUser } from '@/lib/auth/session.ts';
import { NotFoundError } from '@/lib/errors.ts';
import type { PagePost } from '@/lib/http/page-post.ts';
import { rewriteNotFound } from '../_not-found.ts';

export interface WorkspacePage {
  user: CurrentUser;
  slug: string;
  workspace: Workspace;
  /** The outcome of this request's form post (empty on a GET). */
  post: PagePost;
}

/**
 * What every page of one course's authoring workspace starts with: the signed-in author or reviewer,
 * the page's form post (a success redirects), the workspace — or the 404 page for anyone who may
 * not see the course, whether it exists or not.
 */
export async function workspacePage(Astro: AstroGlobal, onPost?: (user: CurrentUser, slug: string) => Promise<PagePost | null>): Promise<WorkspacePage | Response> {
  const user = requireRole(Astro.locals, 'trainer', 'staff', 'admin');
  const slug = Astro.params.slug ?? '';
  let post: PagePost = { status: 200, errors: {}, values: {} };
  try {
    if (Astro.request.method === 'POST') {
      const handled = onPost ? await onPost(user, slug) : null;
      if (handled?.redirect) return Astro.redirect(handled.redirect, 303);
      post = handled ?? { status: 400, errors: { _: '未知的操作。' }, values: {} };
      Astro.response.status = post.status;
    }
    return { user, slug, post, workspace: await loadWorkspace(Astro.locals.db, user, slug) };
  } catch (error) {
    if (error instanceof NotFoundError) return rewriteNotFound(Astro);
    throw error;
  }
}
