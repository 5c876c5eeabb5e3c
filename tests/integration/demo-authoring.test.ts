import { describe, expect, test } from 'vitest';
import { seedDemo } from '../../db/seed-demo.ts';
import { DEMO_PASSWORD } from '../../db/seeds/demo-county.ts';
import { useServer } from '../support/suite.ts';

describe('the demo’s browser-authored course', () => {
  const suite = useServer('sqlite', async ({ db }) => {
    await seedDemo(db);
    await seedDemo(db); // a second run adds nothing
  });

  test('version 1 is in the catalog for cadres; version 2 waits for the county staff, with its diff', async () => {
    const versions = await suite.database.db.selectFrom('course_versions').select(['number', 'status']).where('course_slug', '=', 'village-affairs-openness').orderBy('number').execute();
    expect(versions).toEqual([{ number: 1, status: 'published' }, { number: 2, status: 'submitted' }]);

    const cadre = suite.client();
    await cadre.login('cadre001', DEMO_PASSWORD);
    const course = await cadre.get('/api/v1/courses/village-affairs-openness');
    expect(course.status).toBe(200);
    expect(course.data.lessons).toHaveLength(1);
    expect((await cadre.get('/courses/village-affairs-openness/lesson-2')).status).toBe(404);

    const staff = suite.client();
    await staff.login('staff', DEMO_PASSWORD);
    const list = await staff.get('/authoring');
    expect(list.text).toContain('待我审核（1）');
    const review = await staff.get('/authoring/village-affairs-openness/review');
    expect(review.text).toContain('与现在发布的第 1 版相比的改动');
    expect(review.text).toContain('怎样公开、怎样监督');

    const township = suite.client();
    await township.login('zhihe-staff', DEMO_PASSWORD);
    expect((await township.get('/authoring/village-affairs-openness/review')).status).toBe(404);
  });
});
