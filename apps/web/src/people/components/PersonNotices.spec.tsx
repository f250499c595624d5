import type { SentNotificationList, SentNotificationView } from '@dx/contracts';
import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import vi from '../../i18n/vi.json';
import { PersonNoticesView } from './PersonNotices';

const i18n = i18next.createInstance();
beforeAll(() =>
  i18n.init({
    lng: 'vi',
    resources: { vi: { translation: vi } },
    interpolation: { escapeValue: false },
  }),
);

const notice = (over: Partial<SentNotificationView>): SentNotificationView => ({
  id: 'n1',
  type: 'requirement-due',
  title: 'Còn 7 ngày đến hạn bồi dưỡng',
  body: 'Hạn cuối ngày 31/12/2026.',
  link: '/my-learning',
  createdAt: '2026-12-24T01:00:00.000Z',
  readAt: null,
  mail: { status: 'sent', sentAt: '2026-12-24T01:00:05.000Z', lastError: null },
  ...over,
});

const log = (over: Partial<SentNotificationList>): SentNotificationList => ({
  items: [],
  total: 0,
  page: 1,
  pageSize: 5,
  reminders: 0,
  remindersThisYear: 0,
  lastReminderAt: null,
  ...over,
});

/** The view's text, tags dropped. */
const text = (l: SentNotificationList) =>
  renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <PersonNoticesView log={l} />
    </I18nextProvider>,
  )
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('PersonNoticesView: the sent-log HR reads beside a person', () => {
  it('says how often the person was reminded this year and when last, then the notices with their mail', () => {
    const shown = text(
      log({
        items: [
          notice({}),
          notice({
            id: 'n2',
            type: 'requirement-due',
            title: 'Còn 30 ngày đến hạn bồi dưỡng',
            createdAt: '2026-12-01T01:00:00.000Z',
            mail: { status: 'failed', sentAt: null, lastError: '550 Mailbox unavailable' },
          }),
          notice({
            id: 'n3',
            type: 'certificate-issued',
            title: 'Chứng chỉ đã được cấp',
            mail: null,
          }),
        ],
        total: 7,
        reminders: 4,
        remindersThisYear: 3,
        lastReminderAt: '2026-12-24T01:00:00.000Z',
      }),
    );
    expect(shown).toContain('Năm nay đã nhắc 3 lần; lần gần nhất ngày 24/12/2026.');
    expect(shown).toContain('24/12/2026: Còn 7 ngày đến hạn bồi dưỡng (đã gửi thư)');
    expect(shown).toContain('01/12/2026: Còn 30 ngày đến hạn bồi dưỡng (gửi thư không thành công)');
    expect(shown).toContain('Chứng chỉ đã được cấp (chỉ trong ứng dụng)');
    expect(shown).toContain('Và 4 thông báo cũ hơn');
  });

  it('tells apart a person not reminded this year from one never reminded', () => {
    expect(text(log({ reminders: 1, lastReminderAt: '2026-01-02T03:00:00.000Z' }))).toContain(
      'Năm nay chưa nhắc lần nào; lần gần nhất ngày 02/01/2026.',
    );
    const never = text(log({}));
    expect(never).toContain('Chưa nhắc lần nào.');
    expect(never).toContain('Chưa gửi thông báo nào cho người này.');
  });
});
