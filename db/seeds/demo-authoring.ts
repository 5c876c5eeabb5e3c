import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { createAuthoredCourse, editDraft } from '../../src/lib/authoring/drafting.ts';
import type { CourseContent } from '../../src/lib/authoring/content.ts';
import { publishVersion, submitVersion } from '../../src/lib/authoring/review.ts';

const SLUG = 'village-affairs-openness';

/**
 * A course the demo trainer wrote in the browser: version 1 published by the county staff, version 2
 * (a revised lesson and a new one) waiting for their review, so the demo shows the catalog entry,
 * the review queue and the reviewer's diff. Original text on well-established practice; no dates,
 * figures or quotations.
 */
const VERSION_1: CourseContent = {
  course: {
    title: '村务公开实务',
    summary: '村务公开公开什么、怎样公开、群众怎样监督：面向村干部的实务课。',
    category: '业务技能',
    format: 'online',
    tags: ['基层治理', '村务公开'],
    hours: 1,
    audience: '村党组织书记、村民委员会成员',
    open: true,
    order: 60,
    references: [{ title: '《中华人民共和国村民委员会组织法》' }, { title: '《中国共产党农村基层组织工作条例》' }],
  },
  lessons: [
    {
      slug: 'lesson-1',
      title: '公开什么',
      minutes: 10,
      summary: '村务公开的主要内容。',
      body: `## 村务公开的意义

村务公开是村民自治的重要制度。群众关心的事摆到明处，误会就少，干部也能放开手脚干事。

## 主要内容

- 村级财务收支情况
- 集体资产、资源的管理和使用
- 惠民政策的落实，如各类补贴的发放对象和标准
- 村民会议、村民代表会议讨论决定的事项及其执行情况

<KeyPoint>群众关心什么，就公开什么；涉及群众切身利益的事项，要让群众看得到、看得懂。</KeyPoint>

<Reflection>你所在的村，群众最常问的是哪几件事？它们都公开了吗？</Reflection>
`,
    },
  ],
  quiz: `title: 村务公开实务 结业测验
passMark: 60
attemptLimit: 3
draw: 3
questions:
  - id: q01
    type: truefalse
    prompt: 村务公开是村民自治的重要制度。
    answer: true
    explanation: 见第一课“村务公开的意义”。
  - id: q02
    type: multiple
    prompt: 下列哪些属于村务公开的内容？
    options: [村级财务收支情况, 惠民补贴的发放对象和标准, 村干部的家庭住址, 村民代表会议决定的事项]
    answer: [0, 1, 3]
    explanation: 个人住址属于个人信息，不是村务。
  - id: q03
    type: single
    prompt: 确定公开内容时，首先应当考虑什么？
    options: [干部方便, 群众关心的事项, 上级检查的要求]
    answer: [1]
    explanation: 群众关心什么，就公开什么。
  - id: q04
    type: truefalse
    prompt: 涉及群众切身利益的事项，只要公开就行，不必考虑群众能否看懂。
    answer: false
    explanation: 要让群众看得到、也看得懂。
`,
};

const LESSON_2 = {
  slug: 'lesson-2',
  title: '怎样公开、怎样监督',
  minutes: 10,
  summary: '公开的方式和群众监督的渠道。',
  body: `## 公开的方式

村务公开栏是最常用的方式，要设在群众经常经过的地方。还可以在村民会议上通报，在村里的微信群里发布，方便在外务工的村民了解情况。

## 群众监督

村务监督委员会负责监督村务公开和村务管理。群众对公开的内容有疑问，可以向村务监督委员会反映，村里应当及时答复。

<KeyPoint title="要点">公开之后要听取意见、答复疑问，公开才算做完。</KeyPoint>
`,
};

export async function seedDemoAuthoring(db: Kysely<Database>): Promise<void> {
  if (await db.selectFrom('authored_courses').select('slug').where('slug', '=', SLUG).executeTakeFirst()) return;
  const user = async (login: string) => {
    const row = await db
      .selectFrom('users')
      .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
      .leftJoin('org_units as scope', 'scope.id', 'users.scope_unit_id')
      .select(['users.id', 'users.role', 'org_units.path', 'scope.path as scopePath'])
      .where('users.login', '=', login)
      .executeTakeFirst();
    return row && { id: row.id, role: row.role, scopePath: row.scopePath ?? row.path };
  };
  const [trainer, staff] = await Promise.all([user('trainer'), user('staff')]);
  if (!trainer || !staff) return;
  await createAuthoredCourse(db, trainer, { slug: SLUG, title: '村务公开实务', content: VERSION_1 }, () => false);
  await submitVersion(db, trainer, SLUG, '新课程，请审核。');
  await publishVersion(db, staff, SLUG, '内容准确，同意发布。');
  await editDraft(db, trainer, SLUG, {
    change: (c) => ({
      ...c,
      lessons: [
        { ...c.lessons[0]!, body: c.lessons[0]!.body.replace('误会就少，干部也能放开手脚干事。', '误会就少，矛盾也少，干部也能放开手脚干事。') },
        LESSON_2,
      ],
    }),
  });
  await submitVersion(db, trainer, SLUG, '第 2 版：补充“怎样公开、怎样监督”一课。');
}
