import { parse } from 'content-disposition';
import { Readable } from 'node:stream';
import { attachment } from './file-job-routes';

describe('a file job download', () => {
  it('names a Vietnamese file exactly (filename*) with an ASCII fallback', () => {
    const file = attachment({
      stream: Readable.from([]),
      contentType: 'application/pdf',
      fileName: 'Phiếu kích hoạt - Xã Đông Hà.pdf',
    });
    const disposition = String(file.getHeaders().disposition);
    expect(disposition).toMatch(
      /^attachment; filename="Phieu kich hoat - Xa Dong Ha\.pdf"; filename\*=UTF-8''/,
    );
    expect(parse(disposition).parameters.filename).toBe('Phiếu kích hoạt - Xã Đông Hà.pdf');
  });
});
