import type { MailTemplateParams, NotificationType } from '@dx/contracts';
import { escapeHtml, htmlLayout, RenderedMail, TEXT_FOOTER } from './render-helpers';

/** Why the person gets this kind of mail: the footer says it, as the issue asks. */
const REASONS: Record<NotificationType, string> = {
  'requirement-applies': 'anh/chị thuộc đối tượng của một yêu cầu bồi dưỡng chuyển đổi số',
  'requirement-due': 'anh/chị chưa hoàn thành một yêu cầu bồi dưỡng sắp đến hạn',
  'requirement-overdue': 'anh/chị chưa hoàn thành một yêu cầu bồi dưỡng đã quá hạn',
  'certificate-issued': 'anh/chị vừa được cấp chứng chỉ',
  'certificate-revoked': 'một chứng chỉ của anh/chị đã bị thu hồi',
  'certificate-reissued': 'một chứng chỉ của anh/chị đã được cấp lại',
  'report-ready': 'anh/chị đã yêu cầu lập báo cáo hoặc kết xuất dữ liệu',
  'export-ready': 'anh/chị đã yêu cầu lập tệp này (kết xuất dữ liệu hoặc phiếu kích hoạt)',
  'hr-digest': 'anh/chị phụ trách công tác tổ chức cán bộ của đơn vị',
  'queue-failures': 'anh/chị là quản trị hệ thống',
};

export type NotificationMailParams = MailTemplateParams['notification'];

/**
 * Every in-app notification sent by mail: its title as subject, its body, a link into the
 * app, and a footer with the reason and where to change preferences. Links are stored as
 * paths and made absolute here, so the base URL is the one configured at sending time.
 */
export function renderNotification(p: NotificationMailParams, publicBaseUrl: string): RenderedMail {
  const link = p.link ? `${publicBaseUrl}${p.link}` : null;
  const preferencesUrl = `${publicBaseUrl}/me`;
  const why = `Anh/chị nhận thư này vì ${REASONS[p.type] ?? 'anh/chị có tài khoản trên DX Academy'}.`;
  const change = `Thay đổi tùy chọn nhận thư tại ${preferencesUrl} (mục "Thông báo").`;
  const text = [
    `Kính gửi ${p.fullName},`,
    '',
    p.body,
    ...(link ? ['', `Xem chi tiết: ${link}`] : []),
    '',
    '--',
    why,
    change,
    TEXT_FOOTER,
  ].join('\n');
  const html = htmlLayout(
    p.title,
    `<p>Kính gửi ${escapeHtml(p.fullName)},</p>
<p>${escapeHtml(p.body)}</p>
${link ? `<p><a href="${escapeHtml(link)}">Xem chi tiết</a></p>` : ''}
<p style="color: #6b7280; font-size: 13px">${escapeHtml(why)}<br>
Thay đổi tùy chọn nhận thư tại <a href="${escapeHtml(preferencesUrl)}">trang cá nhân</a> (mục "Thông báo").</p>`,
  );
  return { subject: p.title, text, html };
}
