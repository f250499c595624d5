import type { PeopleReportRow } from '@dx/contracts';
import { Writable } from 'node:stream';
import { renderPeopleCsv, writePeopleCsv } from './people-export';

const ROWS: PeopleReportRow[] = [
  {
    userId: 'u1',
    username: 'lan.vt',
    fullName: 'Vi Thị Lan; "Lan nhỏ"',
    orgUnitId: 'o1',
    orgUnitName: 'Xã Minh Xuân',
    dxRole: 'full_time',
    hoursEarned: 2.5,
    requiredHours: 12.5,
    requirementMet: false,
    trained: true,
    lastCompletedOn: '2026-03-04',
  },
  {
    userId: 'u2',
    username: 'hung.lv',
    fullName: 'Lò Văn Hùng',
    orgUnitId: 'o1',
    orgUnitName: 'Xã Minh Xuân',
    dxRole: 'part_time',
    hoursEarned: 0,
    requiredHours: null,
    requirementMet: false,
    trained: false,
    lastCompletedOn: null,
  },
];

async function* inBatches(): AsyncIterable<PeopleReportRow[]> {
  yield [ROWS[0]];
  yield [ROWS[1]];
}

async function streamed(separator?: ',' | ';'): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  await writePeopleCsv(out, inBatches(), async () => undefined, separator);
  return Buffer.concat(chunks);
}

describe('the people CSV', () => {
  it('separates with commas and decimal points by default, UTF-8 with a BOM, CRLF records', () => {
    const csv = renderPeopleCsv(ROWS);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe(
      'Tên đăng nhập,Họ và tên,Đơn vị,Vị trí CĐS,Số giờ đã học,Số giờ yêu cầu,Đạt yêu cầu,Đã được bồi dưỡng,Ngày hoàn thành gần nhất',
    );
    expect(lines[1]).toBe(
      'lan.vt,"Vi Thị Lan; ""Lan nhỏ""",Xã Minh Xuân,Chuyên trách,2.5,12.5,Chưa,Có,04/03/2026',
    );
    expect(lines[2]).toBe('hung.lv,Lò Văn Hùng,Xã Minh Xuân,Kiêm nhiệm,0,,Chưa,Chưa,');
  });

  it('with ";" (Excel in Vietnamese) separates with semicolons and writes decimal commas, still with the BOM', () => {
    const csv = renderPeopleCsv(ROWS, ';');
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toMatch(/^Tên đăng nhập;Họ và tên;Đơn vị;Vị trí CĐS;/);
    // The name holding a ";" is quoted; a comma inside hours is then no separator.
    expect(lines[1]).toBe(
      'lan.vt;"Vi Thị Lan; ""Lan nhỏ""";Xã Minh Xuân;Chuyên trách;2,5;12,5;Chưa;Có;04/03/2026',
    );
    expect(lines[2]).toBe('hung.lv;Lò Văn Hùng;Xã Minh Xuân;Kiêm nhiệm;0;;Chưa;Chưa;');
  });

  it('streams batch by batch the same bytes as the whole list, with either separator', async () => {
    expect((await streamed()).equals(renderPeopleCsv(ROWS))).toBe(true);
    expect((await streamed(';')).equals(renderPeopleCsv(ROWS, ';'))).toBe(true);
  });
});
