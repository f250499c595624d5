import type { TrainingRecord } from '@dx/contracts';
import { parseHoursText, parseJobTitles, saveRecordThenEvidence } from './admin-api';

describe('requirement form parsing', () => {
  it('reads hours written the Vietnamese way or the English way, and nothing else', () => {
    expect(parseHoursText('24')).toBe(24);
    expect(parseHoursText(' 2,5 ')).toBe(2.5);
    expect(parseHoursText('2.25')).toBe(2.25);
    for (const bad of ['', 'hai mươi', '-3', '1.234', '1e3']) {
      expect(parseHoursText(bad)).toBeNaN();
    }
  });

  it('takes one job title per line or separated by semicolons, dropping empty ones', () => {
    expect(parseJobTitles('Công chức Văn hóa - Xã hội\n\n  Chuyên viên ; Kế toán ')).toEqual([
      'Công chức Văn hóa - Xã hội',
      'Chuyên viên',
      'Kế toán',
    ]);
    expect(parseJobTitles('  ')).toEqual([]);
  });
});

describe('saving a recorded training with its evidence file', () => {
  const record = { id: 'r1', hasEvidence: false } as TrainingRecord;
  const file = new File(['%PDF-1.4'], 'giay-chung-nhan.pdf', { type: 'application/pdf' });

  it('uploads the chosen file once the record is saved, and answers with the record that has it', async () => {
    const uploaded: string[] = [];
    const result = await saveRecordThenEvidence(
      async () => record,
      file,
      async (id, f) => {
        uploaded.push(`${id}:${f.name}`);
        return { ...record, hasEvidence: true };
      },
    );
    expect(uploaded).toEqual(['r1:giay-chung-nhan.pdf']);
    expect(result).toEqual({ record: { ...record, hasEvidence: true }, evidenceError: null });
  });

  it('keeps the saved record when the file is refused, handing back the refusal', async () => {
    const refusal = new Error('file_type_not_allowed');
    const result = await saveRecordThenEvidence(
      async () => record,
      file,
      async () => Promise.reject(refusal),
    );
    expect(result).toEqual({ record, evidenceError: refusal });
  });

  it('sends no file when none was chosen, and no file when the record is refused', async () => {
    const upload = async (): Promise<TrainingRecord> => {
      throw new Error('must not upload');
    };
    expect(await saveRecordThenEvidence(async () => record, null, upload)).toEqual({
      record,
      evidenceError: null,
    });
    const refused = new Error('invalid_input');
    await expect(
      saveRecordThenEvidence(async () => Promise.reject(refused), file, upload),
    ).rejects.toBe(refused);
  });
});
