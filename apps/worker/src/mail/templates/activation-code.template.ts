import type { MailTemplateParams } from '@dx/contracts';
import {
  escapeHtml,
  formatDateTime,
  htmlLayout,
  RenderedMail,
  TEXT_FOOTER,
} from './render-helpers';

export function renderActivationCode(
  p: MailTemplateParams['activation-code'],
  timeZone: string,
): RenderedMail {
  const subject = 'Mã kích hoạt tài khoản DX Academy';
  const expires = formatDateTime(p.expiresAt, timeZone);
  const text = [
    `Kính gửi ${p.fullName},`,
    '',
    'Tài khoản học tập của anh/chị trên DX Academy đã được tạo.',
    `Tên đăng nhập: ${p.username}`,
    `Mã kích hoạt: ${p.code}`,
    `Mã có hiệu lực đến ${expires} và chỉ dùng được một lần.`,
    '',
    `Để kích hoạt, anh/chị mở ${p.activateUrl}, nhập tên đăng nhập, mã kích hoạt và đặt mật khẩu mới.`,
    '',
    TEXT_FOOTER,
  ].join('\n');
  const html = htmlLayout(
    subject,
    `<p>Kính gửi ${escapeHtml(p.fullName)},</p>
<p>Tài khoản học tập của anh/chị trên DX Academy đã được tạo.</p>
<p>Tên đăng nhập: <strong>${escapeHtml(p.username)}</strong><br>
Mã kích hoạt: <strong style="font-family: monospace; font-size: 18px">${escapeHtml(p.code)}</strong></p>
<p>Mã có hiệu lực đến ${escapeHtml(expires)} và chỉ dùng được một lần.</p>
<p><a href="${escapeHtml(p.activateUrl)}">Kích hoạt tài khoản</a>: nhập tên đăng nhập, mã kích hoạt và đặt mật khẩu mới.</p>`,
  );
  return { subject, text, html };
}
