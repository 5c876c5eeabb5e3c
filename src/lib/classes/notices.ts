/** The confirmation a class or session page shows after a successful form (`?done=`). */
export function classNotice(done: string | null): string {
  if (!done) return '';
  const added = /^added-(\d+)$/.exec(done);
  if (added) return added[1] === '0' ? '没有新加入的学员：所选的人已经都在名单中，或没有符合条件的在职学员。' : `已加入 ${added[1]} 名学员。`;
  const closed = /^closed-(\d+)$/.exec(done);
  if (closed) return `已结束考勤：${closed[1]} 名到场学员的学时已记入台账。`;
  const texts: Record<string, string> = {
    created: '已创建。',
    saved: '已保存。',
    removed: '已移出名单（其考勤和学时记录保留）。',
    assigned: '已指派：名单中每位学员都有了这门必修课程。',
    leave: '已记请假。',
    manual: '已补签到。',
    recording: '已更新讲座录像。',
  };
  return texts[done] ?? '';
}
