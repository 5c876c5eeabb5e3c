/**
 * Course package import (browser side). Without this script the form posts the zip in one request
 * (up to 1 MB); with it the zip is uploaded in resumable chunks (courses with audio and video are
 * large, networks are weak) and then imported by its upload id.
 */
import { uploadMedia, UploadInterrupted, UploadRefused, type UploadState } from '../chunked-upload.ts';

const form = document.querySelector<HTMLFormElement>('[data-course-import]');
if (form) {
  const status = document.querySelector<HTMLElement>('[data-import-status]')!;
  const problems = document.querySelector<HTMLUListElement>('[data-import-problems]')!;
  const progress = form.querySelector<HTMLProgressElement>('progress')!;
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
  let state: UploadState | null = null;

  const show = (text: string, list: string[] = []) => {
    status.textContent = text;
    problems.replaceChildren(...list.map((p) => Object.assign(document.createElement('li'), { textContent: p })));
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = form.querySelector<HTMLInputElement>('input[type="file"]')!.files?.[0];
    const slug = form.querySelector<HTMLInputElement>('input[name="slug"]')!.value.trim();
    if (!file) return show('请选择要导入的课程包（.zip）。');
    if (state?.file !== file) state = { file };
    button.disabled = true;
    progress.hidden = false;
    try {
      show(`正在上传“${file.name}”……`);
      const uploaded = await uploadMedia(state, (done, total) => (progress.value = total ? done / total : 1));
      show('上传完成，正在检查并导入……');
      const res = await fetch('/api/v1/authoring/imports', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ uploadId: uploaded.id, ...(slug ? { slug } : {}) }),
      });
      const answer = await res.json().catch(() => null);
      if (res.status === 201) return void location.assign(`/authoring/${encodeURIComponent(answer.slug)}?done=imported`);
      show(answer?.error?.message ?? `没有导入（${res.status}）。`, answer?.error?.details?.problems ?? []);
    } catch (error) {
      if (error instanceof UploadRefused) state = null;
      show(error instanceof UploadInterrupted || error instanceof UploadRefused ? error.message : '没有导入：网络或服务器出了问题，请稍后再试。');
    } finally {
      button.disabled = false;
    }
  });
}
