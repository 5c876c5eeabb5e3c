import type { Workspace } from '../authoring/workspace.ts';

export function presentWorkspace(ws: Workspace) {
  return {
    slug: ws.course.slug,
    title: String((ws.working ?? ws.published)?.content.course.title ?? ws.course.slug),
    author: { id: ws.course.author_id, name: ws.course.author_name, orgUnitName: ws.course.author_unit_name },
    publishedVersion: ws.course.published_version,
    viewer: ws.viewer,
    working: ws.working && {
      number: ws.working.number,
      status: ws.working.status,
      basedOn: ws.working.based_on,
      updatedAt: ws.working.updated_at,
      content: ws.working.content,
    },
    versions: ws.versions.map((v) => ({ number: v.number, status: v.status, basedOn: v.basedOn, updatedAt: v.updatedAt, title: v.title })),
    events: ws.events,
  };
}
