import { JobName } from '@dx/contracts';
import en from './en.json';
import vi from './vi.json';

type Catalog = { [key: string]: string | Catalog };

function flatten(catalog: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) =>
  [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

const viKeys = flatten(vi);
const enKeys = flatten(en);

describe('translation catalogues', () => {
  it('every Vietnamese key exists in English', () => {
    expect([...viKeys.keys()].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('every English key exists in Vietnamese', () => {
    expect([...enKeys.keys()].filter((k) => !viKeys.has(k))).toEqual([]);
  });

  it('has no empty translation', () => {
    const empty = [...viKeys, ...enKeys].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('uses the same interpolation variables in both languages', () => {
    const mismatched = [...viKeys]
      .filter(
        ([k, v]) => enKeys.has(k) && placeholders(v).join() !== placeholders(enKeys.get(k) ?? '').join(),
      )
      .map(([k]) => k);
    expect(mismatched).toEqual([]);
  });

  it('keeps the labels browser tests rely on (api-contract "Web app")', () => {
    expect(vi.login.username).toBe('Tên đăng nhập');
    expect(vi.login.password).toBe('Mật khẩu');
    expect(vi.login.submit).toBe('Đăng nhập');
    expect(vi.app.name).toBe('Học viện CĐS');
    expect(en.app.name).toBe('DX Academy');
  });

  it('names every background job on the queue dashboard, so no job shows its code name', () => {
    const missing = Object.values(JobName).filter((name) => !viKeys.has(`queues.jobs.${name}`));
    expect(missing).toEqual([]);
  });

  it('writes Vietnamese in precomposed Unicode (NFC)', () => {
    const notNfc = [...viKeys].filter(([, v]) => v !== v.normalize('NFC')).map(([k]) => k);
    expect(notNfc).toEqual([]);
  });
});
