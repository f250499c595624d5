import type { MailTemplateParams } from '@dx/contracts';
import { escapeHtml, htmlLayout, RenderedMail, TEXT_FOOTER } from './render-helpers';

export function renderPasswordReset(p: MailTemplateParams['password-reset']): RenderedMail {
  const subject = 'Đặt lại mật khẩu DX Academy';
  const text = [
    `Kính gửi ${p.fullName},`,
    '',
    'Chúng tôi nhận được yêu cầu đặt lại mật khẩu cho tài khoản của anh/chị.',
    `Mở liên kết sau để đặt mật khẩu mới (hiệu lực ${p.validMinutes} phút, dùng một lần):`,
    p.resetUrl,
    '',
    'Nếu anh/chị không yêu cầu, hãy bỏ qua thư này: mật khẩu hiện tại vẫn giữ nguyên.',
    '',
    TEXT_FOOTER,
  ].join('\n');
  const html = htmlLayout(
    subject,
    `<p>Kính gửi ${escapeHtml(p.fullName)},</p>
<p>Chúng tôi nhận được yêu cầu đặt lại mật khẩu cho tài khoản của anh/chị.</p>
<p><a href="${escapeHtml(p.resetUrl)}">Đặt mật khẩu mới</a> (hiệu lực ${escapeHtml(p.validMinutes)} phút, dùng một lần).</p>
<p>Nếu anh/chị không yêu cầu, hãy bỏ qua thư này: mật khẩu hiện tại vẫn giữ nguyên.</p>`,
  );
  return { subject, text, html };
}
