import type { CertificateKind } from '../certificates/certificates.table.ts';
import type { AttemptStatus } from '../quiz/quiz.table.ts';

export const ATTEMPT_STATUS_LABELS: Record<AttemptStatus, string> = {
  open: '作答中',
  submitted: '已交卷',
  expired: '超时未交',
};

export const CERTIFICATE_KIND_LABELS: Record<CertificateKind, string> = {
  course: '课程结业证书',
  yearly: '年度学时证明',
  class: '班次结业证书',
};
