/**
 * The course media library (browser side): lists the course's files, uploads new ones in chunks with
 * a progress bar, and lets the lesson editor insert a file: each "插入" button dispatches a bubbling
 * `media-insert` CustomEvent with `{ kind, url, name, width, height }` from the component's root.
 */
import { KIND_NAMES } from '../lib/media/media-settings.ts';
import { type MediaItem, uploadMedia, UploadInterrupted, UploadRefused, type UploadState } from './chunked-upload.ts';

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function renderItem(root: HTMLElement, item: MediaItem): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'media-item';
  if (item.kind === 'image') {
    const img = document.createElement('img');
    img.src = item.url;
    img.alt = '';
    img.loading = 'lazy';
    if (item.width && item.height) {
      img.width = item.width;
      img.height = item.height;
    }
    li.append(img);
  } else {
    const badge = document.createElement('span');
    badge.className = 'media-kind';
    badge.textContent = KIND_NAMES[item.kind];
    li.append(badge);
  }
  const info = document.createElement('div');
  info.className = 'media-info';
  const name = document.createElement('a');
  name.href = item.url;
  name.target = '_blank';
  name.rel = 'noopener';
  name.textContent = item.originalName;
  const meta = document.createElement('span');
  meta.className = 'hint';
  meta.textContent = `${KIND_NAMES[item.kind]} · ${formatSize(item.size)}${item.width ? ` · ${item.width}×${item.height}` : ''}`;
  info.append(name, meta);
  const insert = document.createElement('button');
  insert.type = 'button';
  insert.className = 'secondary';
  insert.textContent = '插入';
  insert.setAttribute('aria-label', `插入 ${item.originalName}`);
  insert.addEventListener('click', () => {
    root.dispatchEvent(new CustomEvent('media-insert', { bubbles: true, detail: { kind: item.kind, url: item.url, name: item.originalName, width: item.width, height: item.height } }));
  });
  li.append(info, insert);
  return li;
}

function start(root: HTMLElement) {
  const list = root.querySelector<HTMLUListElement>('[data-media-list]')!;
  const empty = root.querySelector<HTMLElement>('[data-media-empty]')!;
  const input = root.querySelector<HTMLInputElement>('[data-media-input]')!;
  const progress = root.querySelector<HTMLProgressElement>('[data-media-progress]')!;
  const status = root.querySelector<HTMLElement>('[data-media-status]')!;
  const resume = root.querySelector<HTMLButtonElement>('[data-media-resume]')!;
  const courseSlug = root.dataset.courseSlug!;
  const initial = JSON.parse(root.querySelector('[data-media-initial]')?.textContent || '[]') as MediaItem[];

  const show = (items: MediaItem[]) => {
    for (const item of items) list.append(renderItem(root, item));
    empty.hidden = list.children.length > 0;
  };
  show(initial);

  let pending: UploadState | null = null;
  const run = async (state: UploadState) => {
    pending = state;
    resume.hidden = true;
    input.disabled = true;
    progress.hidden = false;
    status.classList.remove('error');
    status.textContent = `正在上传“${state.file.name}”……`;
    try {
      const item = await uploadMedia(state, (uploaded, total) => {
        progress.value = total ? uploaded / total : 1;
        status.textContent = `正在上传“${state.file.name}”：${formatSize(uploaded)} / ${formatSize(total)}`;
      });
      list.prepend(renderItem(root, item));
      empty.hidden = true;
      status.textContent = `“${item.originalName}”已上传。`;
      pending = null;
      input.value = '';
    } catch (error) {
      status.classList.add('error');
      if (error instanceof UploadInterrupted) {
        status.textContent = error.message;
        resume.hidden = false;
      } else {
        status.textContent = error instanceof UploadRefused ? error.message : '上传失败，请稍后再试。';
        pending = null;
        input.value = '';
      }
    } finally {
      input.disabled = false;
      progress.hidden = true;
    }
  };

  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void run({ file, courseSlug });
  });
  resume.addEventListener('click', () => {
    if (pending) void run(pending);
  });
}

for (const root of document.querySelectorAll<HTMLElement>('[data-media-library]')) start(root);
