import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { beijingYear } from '../../src/lib/hours/beijing-year.ts';
import { testDialects } from '../support/dialects.ts';
import { makeCounty, makeUser } from '../support/factories.ts';
import type { TestClient } from '../support/http-client.ts';
import { completeLesson, enrol } from '../support/learning-records.ts';
import { useServer } from '../support/suite.ts';

const COURSE = {
  title: '乡村治理实务',
  summary: '村级组织如何议事、办事、公开事务。',
  category: '业务技能',
  format: 'online',
  tags: ['乡村治理'],
  hours: 1,
  audience: '村党组织书记',
  open: true,
  order: 50,
  references: [{ title: '《中国共产党农村基层组织工作条例》' }],
};
const LESSON_BODY = `## 议事的程序

村里的大事要经过集体讨论。

<KeyPoint title="要点">重大事项集体决定，结果向群众公开。</KeyPoint>

<Figure src="/courses/fixture-short/diagram.svg" alt="议事流程示意图" caption="议事流程" source="本课程自绘示意图" />
`;
const QUIZ = `title: 乡村治理实务 结业测验
passMark: 60
attemptLimit: 3
draw: 2
questions:
  - id: q01
    type: truefalse
    prompt: 村级重大事项应当集体决定。
    answer: true
    explanation: 课文第一节。
  - id: q02
    type: truefalse
    prompt: 议事结果不必公开。
    answer: false
    explanation: 结果要向群众公开。
  - id: q03
    type: single
    prompt: 哪一项是议事的要求？
    options: [个人拍板, 集体讨论, 事后补记]
    answer: [1]
    explanation: 集体讨论。
`;

describe.each(testDialects())('course authoring and review (审核) on %s', (dialect) => {
  const suite = useServer(dialect, async ({ db }) => {
    const units = await makeCounty(db);
    const author = await makeUser(db, 'trainer', units.townA, { login: 'au-trainer', name: '党校张老师', scopeUnitId: units.townA });
    const otherTrainer = await makeUser(db, 'trainer', units.townA, { login: 'au-trainer2', name: '党校李老师', scopeUnitId: units.townA });
    const staff = await makeUser(db, 'staff', units.townA, { login: 'au-staff', name: '甲镇组织委员', scopeUnitId: units.townA });
    const farStaff = await makeUser(db, 'staff', units.townB, { login: 'au-staff-b', name: '乙乡组织委员', scopeUnitId: units.townB });
    const cadre = await makeUser(db, 'cadre', units.villageA, { login: 'au-cadre', name: '王村干' });
    return { units, author, otherTrainer, staff, farStaff, cadre };
  });
  const api = (slug: string, rest = '') => `/api/v1/authoring/courses/${slug}${rest}`;
  const saveLesson = (client: TestClient, slug: string, lesson: string, fields: Record<string, unknown>) =>
    client.request('PUT', api(slug, `/draft/lessons/${lesson}`), { json: { title: '议事与公开', minutes: 1, summary: '村级议事的程序和公开的要求。', body: LESSON_BODY, ...fields } });

  async function writeCourse(client: TestClient, slug: string) {
    const created = await client.post('/api/v1/authoring/courses', { slug, title: COURSE.title });
    expect(created.status).toBe(201);
    expect(created.data.working).toMatchObject({ number: 1, status: 'draft' });
    expect((await client.patch(api(slug, '/draft'), { course: COURSE })).status).toBe(200);
    expect((await saveLesson(client, slug, 'lesson-1', {})).status).toBe(200);
    const quiz = await client.request('PUT', api(slug, '/draft/quiz'), { json: { yaml: QUIZ } });
    expect(quiz.status).toBe(200);
    expect(quiz.data.problems).toEqual([]);
    return created;
  }

  test('only authors create courses; a slug is checked and never taken twice, also not from content/', async () => {
    const cadre = await suite.as('au-cadre');
    expect((await cadre.post('/api/v1/authoring/courses', { slug: 'cadre-course', title: '干部写课' })).status).toBe(403);
    const author = await suite.as('au-trainer');
    const bad = await author.post('/api/v1/authoring/courses', { slug: 'Bad Slug!', title: '课程' });
    expect(bad.status).toBe(400);
    expect(bad.data.error.message).toContain('小写英文字母');
    expect((await author.post('/api/v1/authoring/courses', { slug: 'fixture-short', title: '撞名' })).status).toBe(409);
    expect((await author.post('/api/v1/authoring/courses', { slug: 'unique-one', title: '第一门' })).status).toBe(201);
    expect((await author.post('/api/v1/authoring/courses', { slug: 'unique-one', title: '第二门' })).status).toBe(409);
    for (const body of [null, [], { slug: 5 }, { slug: 'x'.repeat(500), title: 't' }, { slug: 'ok-slug', title: 't', extra: 1 }]) {
      const response = await author.post('/api/v1/authoring/courses', body);
      expect(response.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
  });

  test('a save over a newer save is refused (409) and changes nothing', async () => {
    const author = await suite.as('au-trainer');
    const created = await author.post('/api/v1/authoring/courses', { slug: 'stale-save', title: '并发保存' });
    const first = await saveLesson(author, 'stale-save', 'lesson-1', { body: '第一稿', baseUpdatedAt: created.data.working.updatedAt });
    expect(first.status).toBe(200);
    const stale = await saveLesson(author, 'stale-save', 'lesson-1', { body: '旧窗口的稿子', baseUpdatedAt: created.data.working.updatedAt });
    expect(stale.status).toBe(409);
    expect(stale.data.error.details.currentUpdatedAt).toBe(first.data.updatedAt);
    const now = await author.get(api('stale-save'));
    expect(now.data.working.content.lessons[0].body).toBe('第一稿');
  });

  test('forbidden MDX keeps a version from submission, with line, column and a Chinese reason', async () => {
    const author = await suite.as('au-trainer');
    await writeCourse(author, 'unsafe-course');
    await saveLesson(author, 'unsafe-course', 'lesson-1', { body: '第一段。\n\n<script>alert(1)</script>\n\n[链接](javascript:alert(1))\n' });
    const refused = await author.post(api('unsafe-course', '/submit'), {});
    expect(refused.status).toBe(400);
    const problems = refused.data.error.details.problems as Array<{ where: string; line?: number; column?: number; message: string }>;
    expect(problems.find((p) => p.line === 3)).toMatchObject({ where: '第 1 课《议事与公开》', column: 1 });
    expect(problems.find((p) => p.line === 5)?.message).toMatch(/javascript/);
    expect(problems.every((p) => /[\u4e00-\u9fff]/.test(p.message))).toBe(true);
    const check = await author.post('/api/v1/authoring/check', { body: '<iframe src="https://example.com"></iframe>' });
    expect(check.data.problems[0]).toMatchObject({ line: 1, column: 1 });
    const workspace = await author.get(api('unsafe-course'));
    expect(workspace.data.working.status).toBe('draft');
  });

  test('two-person rule and scope: the author, another trainer and staff of another township cannot review; staff in scope return with reasons, then publish', async () => {
    const author = await suite.as('au-trainer');
    await writeCourse(author, 'village-governance');
    expect((await author.post(api('village-governance', '/submit'), { note: '请审核' })).status).toBe(200);
    expect((await saveLesson(author, 'village-governance', 'lesson-1', { body: '送审后再改' })).status).toBe(409);

    expect((await author.post(api('village-governance', '/review'), { decision: 'publish' })).status).toBe(403);
    const other = await suite.as('au-trainer2');
    expect((await other.post(api('village-governance', '/review'), { decision: 'publish' })).status).toBe(404);
    expect((await other.get(api('village-governance'))).status).toBe(404);
    const far = await suite.as('au-staff-b');
    expect((await far.post(api('village-governance', '/review'), { decision: 'publish' })).status).toBe(404);
    expect((await far.get('/api/v1/authoring/courses')).data.courses).toEqual([]);
    expect((await far.get('/authoring')).text).not.toContain('/authoring/village-governance');
    expect((await other.get('/api/v1/authoring/courses')).data.courses).toEqual([]);
    const cadre = await suite.as('au-cadre');
    expect((await cadre.get(api('village-governance'))).status).toBe(404);
    expect((await cadre.get('/courses/village-governance')).status).toBe(404);

    const staff = await suite.as('au-staff');
    expect((await staff.get('/api/v1/authoring/courses')).data.courses).toContainEqual(expect.objectContaining({ slug: 'village-governance', status: 'submitted', viewer: 'reviewer' }));
    const noReason = await staff.post(api('village-governance', '/review'), { decision: 'return', comment: ' ' });
    expect(noReason.status).toBe(400);
    const returned = await staff.post(api('village-governance', '/review'), { decision: 'return', comment: '第一课请补充议事结果公开的具体方式。' });
    expect(returned.status).toBe(200);
    expect((await staff.post(api('village-governance', '/review'), { decision: 'publish' })).status).toBe(409);

    expect((await saveLesson(author, 'village-governance', 'lesson-1', { body: `${LESSON_BODY}\n结果通过村务公开栏公布。\n` })).status).toBe(200);
    expect((await author.post(api('village-governance', '/submit'), {})).status).toBe(200);
    const published = await staff.post(api('village-governance', '/review'), { decision: 'publish', comment: '史实和表述无误。' });
    expect(published.status).toBe(200);

    const history = await staff.get(api('village-governance'));
    expect(history.data.publishedVersion).toBe(1);
    const actions = history.data.events.map((e: { action: string; actorName: string; comment: string }) => `${e.action}:${e.actorName}:${e.comment}`);
    expect(actions).toEqual(expect.arrayContaining([
      'created:党校张老师:',
      'submitted:党校张老师:请审核',
      'returned:甲镇组织委员:第一课请补充议事结果公开的具体方式。',
      'published:甲镇组织委员:史实和表述无误。',
    ]));

    const catalog = await cadre.get('/api/v1/courses');
    expect(catalog.data.courses.map((c: { id: string }) => c.id)).toContain('village-governance');
    const search = await cadre.get(`/courses?q=${encodeURIComponent('村务公开')}`);
    expect(search.text).toContain('/courses/village-governance');
    const lesson = await cadre.get('/courses/village-governance/lesson-1');
    expect(lesson.status).toBe(200);
    expect(lesson.text).toContain('重大事项集体决定，结果向群众公开。');
    expect(lesson.text).toMatch(/class="keypoint[^"]*"/);
    expect(lesson.text).toContain('src="/courses/fixture-short/diagram.svg"');
    expect(lesson.text).not.toContain('<script>alert');
  });

  test('versions: a published version never changes; cadres see it until the next approval; credited hours stay; rollback restores an earlier version', async () => {
    const { db } = suite.database;
    const author = await suite.as('au-trainer');
    const staff = await suite.as('au-staff');
    await writeCourse(author, 'versioned-course');
    await author.post(api('versioned-course', '/submit'), {});
    await staff.post(api('versioned-course', '/review'), { decision: 'publish' });

    // The cadre completes version 1 (1 hour) and is credited by the course page.
    const cadre = await suite.as('au-cadre');
    await enrol(db, suite.seeded.cadre.id, 'versioned-course');
    await completeLesson(db, suite.seeded.cadre.id, 'versioned-course/lesson-1');
    await db.updateTable('enrollments').set({ lessons_completed_at: new Date().toISOString() }).where('user_id', '=', suite.seeded.cadre.id).where('course_id', '=', 'versioned-course').execute();
    const quizStart = await cadre.post('/api/v1/quizzes/versioned-course/attempts', {});
    expect(quizStart.status, JSON.stringify(quizStart.data)).toBe(201);
    const rightText: Record<string, string> = { q01: '正确', q02: '错误', q03: '集体讨论' };
    const answers = quizStart.data.questions.map((q: { questionId: string; options: string[] }) => ({ questionId: q.questionId, choices: [q.options.indexOf(rightText[q.questionId]!)] }));
    const passed = await cadre.post('/api/v1/quizzes/versioned-course/attempts', { attemptId: quizStart.data.id, answers });
    expect(passed.status).toBe(200);
    const credit = () => db.selectFrom('hours_ledger').select(['hours_tenths']).where('user_id', '=', suite.seeded.cadre.id).where('source', '=', 'course:versioned-course').execute();
    expect(await credit()).toEqual([{ hours_tenths: 10 }]);

    // The staff report counts the authored course like any other.
    const report = await staff.get(`/api/v1/reports/completion?year=${beijingYear(new Date())}&course=versioned-course`);
    expect(report.status).toBe(200);
    expect(report.data.cadres.find((c: { login: string }) => c.login === 'au-cadre')).toMatchObject({ courseCompleted: true, hours: 1 });

    // Editing the published course starts version 2; cadres still see version 1.
    // The editor shows the published version and sends its time as the base: the first save starts version 2.
    const shown = (await author.get(api('versioned-course'))).data;
    expect(shown.working).toBeNull();
    const v2 = await author.patch(api('versioned-course', '/draft'), { course: { ...COURSE, title: '乡村治理实务（修订）', hours: 3 }, baseUpdatedAt: shown.versions[0].updatedAt });
    expect(v2.status).toBe(200);
    expect(v2.data.version).toBe(2);
    await saveLesson(author, 'versioned-course', 'lesson-1', { body: '第二版的正文：议事、公开、监督。' });
    const v1 = await db.selectFrom('course_versions').select(['content', 'status']).where('course_slug', '=', 'versioned-course').where('number', '=', 1).executeTakeFirstOrThrow();
    expect(v1.status).toBe('published');
    expect(JSON.parse(v1.content).course.hours).toBe(1);
    expect((await cadre.get('/courses/versioned-course/lesson-1')).text).toContain('重大事项集体决定');

    await author.post(api('versioned-course', '/submit'), {});
    const review = await staff.get('/authoring/versioned-course/review');
    expect(review.status).toBe(200);
    expect(review.text).toContain('与现在发布的第 1 版相比的改动');
    expect(review.text).toMatch(/<ins[^>]*>\+ [^<]*第二版的正文/);
    await staff.post(api('versioned-course', '/review'), { decision: 'publish' });
    expect((await cadre.get('/courses/versioned-course/lesson-1')).text).toContain('第二版的正文');
    expect((await cadre.get('/api/v1/courses/versioned-course')).data).toMatchObject({ title: '乡村治理实务（修订）', hours: 3 });
    expect(await credit()).toEqual([{ hours_tenths: 10 }]);

    // Rollback needs a reason and a reviewer; afterwards cadres see version 1 again.
    expect((await author.post(api('versioned-course', '/rollback'), { version: 1, reason: '作者想回退' })).status).toBe(403);
    expect((await staff.post(api('versioned-course', '/rollback'), { version: 1, reason: '' })).status).toBe(400);
    expect((await staff.post(api('versioned-course', '/rollback'), { version: 9, reason: '没有这个版本' })).status).toBe(404);
    expect((await staff.post(api('versioned-course', '/rollback'), { version: 1, reason: '第二版表述待核实，先恢复第一版。' })).status).toBe(200);
    expect((await cadre.get('/courses/versioned-course/lesson-1')).text).toContain('重大事项集体决定');
    expect((await cadre.get('/api/v1/courses/versioned-course')).data.hours).toBe(1);
    const events = (await staff.get(api('versioned-course'))).data.events;
    expect(events[0]).toMatchObject({ action: 'rolled_back', version: 1, actorName: '甲镇组织委员', comment: '第二版表述待核实，先恢复第一版。' });
    expect(await credit()).toEqual([{ hours_tenths: 10 }]);
  });

  test('authoring pages: list, editor without JavaScript, preview that never renders a refused document', async () => {
    const author = await suite.as('au-trainer');
    await writeCourse(author, 'pages-course');
    const list = await author.get('/authoring');
    expect(list.status).toBe(200);
    expect(list.text).toContain('/authoring/pages-course');
    const editor = await author.get('/authoring/pages-course/lessons/lesson-1');
    expect(editor.status).toBe(200);
    expect(editor.text).toContain('data-lesson-editor');
    const saved = await author.form('/authoring/pages-course/lessons/lesson-1', { title: '无脚本保存', minutes: '2', summary: '简介', body: '## 小标题\n\n正文。', mediaKind: '', mediaSrc: '', mediaTitle: '', mediaDuration: '', mediaCaptions: '', baseUpdatedAt: '' });
    expect(saved.status).toBe(303);
    const preview = await author.form('/authoring/preview', { title: '预览', summary: '', body: '<KeyPoint>要记住的</KeyPoint>' });
    expect(preview.status).toBe(200);
    expect(preview.text).toContain('要记住的');
    const refused = await author.form('/authoring/preview', { title: '预览', summary: '', body: '正文\n\n<img src="x" onerror="alert(1)" />\n\n<KeyPoint>不会出现</KeyPoint>' });
    expect(refused.text).toContain('第 3 行第 1 列');
    expect(refused.text).not.toContain('onerror="alert');
    expect(refused.text).not.toContain('不会出现</');
    // A media address that breaks the lesson rules is refused on the form and nothing is stored.
    const badMedia = await author.form('/authoring/pages-course/lessons/lesson-1', { title: '坏地址', minutes: '2', summary: '', body: '正文', mediaKind: 'video', mediaSrc: 'javascript:alert(1)', mediaTitle: '', mediaDuration: '60', mediaCaptions: '', baseUpdatedAt: '' });
    expect(badMedia.status).toBe(400);
    expect(badMedia.text).toContain('媒体文件（src）');
    expect((await author.get('/api/v1/authoring/courses/pages-course')).data.working.content.lessons[0].title).toBe('无脚本保存');
    const cadre = await suite.as('au-cadre');
    expect((await cadre.get('/authoring')).status).toBe(403);
    expect((await cadre.form('/authoring/preview', { body: 'x' })).status).toBe(403);
  });

  test('export then import gives the same course (lessons, quiz, media bytes); a bad zip changes nothing', async () => {
    const author = await suite.as('au-trainer');
    await writeCourse(author, 'export-me');
    // An uploaded image used by the lesson travels with the course.
    const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: { r: 10, g: 120, b: 60 } } }).png().toBuffer();
    const started = await author.post('/api/v1/media', { filename: '流程图.png', size: png.byteLength, courseSlug: 'export-me' });
    expect(started.status).toBe(201);
    const chunk = await author.request('PUT', `/api/v1/media/${started.data.id}/content?offset=0`, { body: new Uint8Array(png), headers: { 'Content-Type': 'application/octet-stream' } });
    expect(chunk.status).toBe(200);
    const done = await author.post(`/api/v1/media/${started.data.id}/complete`, {});
    expect(done.status).toBe(200);
    const body = `${LESSON_BODY}\n<Figure src="${done.data.url}" alt="流程图" caption="议事流程图" source="本课程自绘示意图" />\n`;
    expect((await saveLesson(author, 'export-me', 'lesson-1', { body })).status).toBe(200);

    const download = (client: TestClient, path: string) => fetch(`${suite.server.baseUrl}${path}`, { headers: { Cookie: `jt_session=${client.sessionToken}` } });
    const zip = await download(author, api('export-me', '/export'));
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    const bytes = new Uint8Array(await zip.arrayBuffer());

    const other = await suite.as('au-trainer2');
    const imported = await other.request('POST', '/api/v1/authoring/imports?slug=export-me-copy', { body: bytes, headers: { 'Content-Type': 'application/zip' } });
    expect(imported.status).toBe(201);
    expect(imported.data.author.name).toBe('党校李老师');
    expect(imported.data.working).toMatchObject({ number: 1, status: 'draft' });
    const original = (await author.get(api('export-me'))).data.working.content;
    const copy = imported.data.working.content;
    const newUrl = /src="(\/media\/[a-z0-9]+)"/.exec(copy.lessons[0].body.split('议事流程图')[0].split('<Figure').at(-1))?.[1];
    expect(newUrl).toBeDefined();
    expect(newUrl).not.toBe(done.data.url);
    expect(copy).toEqual({ ...original, lessons: original.lessons.map((l: { body: string }) => ({ ...l, body: l.body.replace(done.data.url, newUrl!) })) });
    const [a, b] = await Promise.all([download(author, done.data.url), download(other, newUrl!)]);
    expect(b.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await b.arrayBuffer()).equals(Buffer.from(await a.arrayBuffer()))).toBe(true);
    expect(imported.data.events[0]).toMatchObject({ action: 'imported', actorName: '党校李老师' });

    // A larger course travels as a package uploaded in chunks, then imported by its id; it is never served and is gone after the import.
    const startPackage = (client: TestClient, body: Record<string, unknown>) => client.post('/api/v1/media', { filename: '课程包.zip', size: bytes.byteLength, ...body });
    expect((await startPackage(other, { purpose: 'course-package', courseSlug: 'export-me' })).status).toBe(400);
    const pkg = await startPackage(other, { purpose: 'course-package' });
    expect(pkg.status).toBe(201);
    const half = Math.ceil(bytes.byteLength / 2);
    for (const [from, to] of [[0, half], [half, bytes.byteLength]] as const) {
      const sent = await other.request('PUT', `/api/v1/media/${pkg.data.id}/content?offset=${from}`, { body: bytes.slice(from, to), headers: { 'Content-Type': 'application/octet-stream' } });
      expect(sent.status).toBe(200);
    }
    expect((await other.post(`/api/v1/media/${pkg.data.id}/complete`, {})).data.kind).toBe('package');
    expect((await download(other, `/media/${pkg.data.id}`)).status).toBe(404);
    expect((await author.post('/api/v1/authoring/imports', { uploadId: pkg.data.id, slug: 'stolen-package' })).status).toBe(404);
    const viaUpload = await other.post('/api/v1/authoring/imports', { uploadId: pkg.data.id, slug: 'export-me-chunked' });
    expect(viaUpload.status).toBe(201);
    expect(viaUpload.data.working.content.lessons.map((l: { title: string }) => l.title)).toEqual(original.lessons.map((l: { title: string }) => l.title));
    expect(await suite.database.db.selectFrom('media_files').select('id').where('id', '=', pkg.data.id).execute()).toEqual([]);
    expect((await other.post('/api/v1/authoring/imports', { uploadId: pkg.data.id })).status).toBe(404);
    const notZip = await other.post('/api/v1/media', { filename: 'fake.zip', size: 9000, purpose: 'course-package' });
    const refused = await other.request('PUT', `/api/v1/media/${notZip.data.id}/content?offset=0`, { body: new Uint8Array(9000).fill(65), headers: { 'Content-Type': 'application/octet-stream' } });
    expect(refused.status).toBe(415);
    expect(refused.data.error.message).toContain('.zip');

    // The same zip again under the same slug, garbage, an oversized body: refused, nothing created.
    expect((await other.request('POST', '/api/v1/authoring/imports?slug=export-me-copy', { body: bytes, headers: { 'Content-Type': 'application/zip' } })).status).toBe(409);
    const garbage = await other.request('POST', '/api/v1/authoring/imports?slug=garbage-zip', { body: new TextEncoder().encode('not a zip'), headers: { 'Content-Type': 'application/zip' } });
    expect(garbage.status).toBe(400);
    expect(garbage.data.error.details.problems.length).toBeGreaterThan(0);
    const count = await suite.database.db.selectFrom('authored_courses').select('slug').where('slug', '=', 'garbage-zip').execute();
    expect(count).toEqual([]);
    const cadre = await suite.as('au-cadre');
    expect((await cadre.request('POST', '/api/v1/authoring/imports', { body: bytes, headers: { 'Content-Type': 'application/zip' } })).status).toBe(403);
    expect((await cadre.request('GET', api('export-me', '/export'))).status).toBe(404);
  });
});
