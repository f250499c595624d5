import type { NotificationContent } from './notifications.service';

/** What a notice says of a certificate (the certificates feature passes its row). */
interface Cert {
  id: string;
  serial: string | null;
  snapshot: { title: string };
  verifyCode?: string | null;
}

/**
 * What the holder is told when a certificate changes status. The certificate's API and
 * worker code call `NotificationsService.notify(tx, holder, …)` with these in the
 * transaction (or right after the step) that made the change.
 */
export function certificateIssuedNotification(cert: Cert): NotificationContent {
  return {
    type: 'certificate-issued',
    eventKey: `certificate-issued:${cert.id}`,
    title: `Chứng chỉ "${cert.snapshot.title}" đã được cấp`,
    body:
      `Chứng chỉ số hiệu ${cert.serial} đã được cấp và có thể tải về tại mục "Chứng chỉ của tôi". ` +
      'Bất kỳ ai cũng có thể kiểm tra chứng chỉ qua đường dẫn xác thực.',
    // With the private code of the QR, as on the PDF: the holder sees their full name there.
    link: `/verify/${cert.serial}${cert.verifyCode ? `?c=${cert.verifyCode}` : ''}`,
  };
}

export function certificateRevokedNotification(cert: Cert): NotificationContent {
  return {
    type: 'certificate-revoked',
    eventKey: `certificate-revoked:${cert.id}`,
    title: `Chứng chỉ "${cert.snapshot.title}" đã bị thu hồi`,
    body: `Chứng chỉ số hiệu ${cert.serial} đã bị thu hồi. Vui lòng liên hệ đơn vị cấp để biết thêm chi tiết.`,
    link: '/my-certificates',
  };
}

/** `n`: the how-many-th re-issue, so each one is told. */
export function certificateReissuedNotification(cert: Cert, n: number): NotificationContent {
  return {
    type: 'certificate-reissued',
    eventKey: `certificate-reissued:${cert.id}:${n}`,
    title: `Chứng chỉ "${cert.snapshot.title}" đã được cấp lại`,
    body: `Chứng chỉ số hiệu ${cert.serial} đã được cấp lại với thông tin đã điều chỉnh; bản mới sẽ sẵn sàng trong ít phút.`,
    link: '/my-certificates',
  };
}
