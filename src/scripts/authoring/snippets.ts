/**
 * What each toolbar button inserts: the documented lesson components (content/README.md, 五) with
 * placeholders the trainer overwrites. A selection is wrapped; otherwise `placeholder` fills the gap.
 */
export interface Snippet {
  label: string;
  before: string;
  after: string;
  placeholder: string;
  /** Block snippets start on a line of their own. */
  block: boolean;
}

export const SNIPPETS: Record<string, Snippet> = {
  heading: { label: '小标题', before: '## ', after: '', placeholder: '小标题', block: true },
  bold: { label: '加粗', before: '**', after: '**', placeholder: '要加粗的文字', block: false },
  list: { label: '列表', before: '- ', after: '\n- 第二项', placeholder: '第一项', block: true },
  keypoint: { label: '要点', before: '<KeyPoint title="要点">\n', after: '\n</KeyPoint>', placeholder: '本节最需要记住的内容。', block: true },
  timeline: {
    label: '时间线',
    before: '<Timeline>\n<TimelineItem date="时间" title="事件">',
    after: '</TimelineItem>\n<TimelineItem date="时间" title="事件">一句说明。</TimelineItem>\n</Timeline>',
    placeholder: '一句说明。',
    block: true,
  },
  figure: { label: '图片', before: '<Figure src="', after: '" alt="图上画了什么" caption="图片标题" source="来源" />', placeholder: '/media/图片编号', block: true },
  quote: { label: '引文', before: '<Quote by="说话人或文件名" source="出处">', after: '</Quote>', placeholder: '简短的原话', block: true },
  media: { label: '音视频', before: '<Media kind="audio" src="', after: '" title="标题" />', placeholder: '/media/文件编号', block: true },
  reflection: { label: '思考题', before: '<Reflection>', after: '</Reflection>', placeholder: '请学员思考的问题', block: true },
  term: { label: '名词解释', before: '<Term def="一两句解释">', after: '</Term>', placeholder: '名词', block: false },
};

/** The component an uploaded file becomes in the text. Attribute values never contain `"`. */
export function mediaSnippet(file: { kind: string; url: string; name: string }): string {
  const name = file.name.replace(/"/g, '”').replace(/[<>{}]/g, '');
  if (file.kind === 'image') return `<Figure src="${file.url}" alt="${name}" caption="${name}" source="来源" />`;
  if (file.kind === 'audio' || file.kind === 'video') return `<Media kind="${file.kind}" src="${file.url}" title="${name}" />`;
  return `[${name}（PDF 阅读材料）](${file.url})`;
}
