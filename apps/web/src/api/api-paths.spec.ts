import { type ApiPath, buildApiPath } from './api-paths';

describe('typed API paths (generated from the OpenAPI document)', () => {
  it('accept only the documented paths of each method (checked by the spec typecheck)', () => {
    const documented: ApiPath<'get'> = '/courses/{id}';
    // @ts-expect-error a typo is not a documented path
    const typo: ApiPath<'get'> = '/cours/{id}';
    // @ts-expect-error GET /api/me exists, DELETE does not
    const wrongMethod: ApiPath<'delete'> = '/me';
    // @ts-expect-error a URL built by hand is not a path of the document
    const handBuilt: ApiPath<'get'> = `/courses/${String(Date.now())}`;
    expect([documented, typo, wrongMethod, handBuilt]).toHaveLength(4);
  });

  it('fills each placeholder, encoded, and appends the query without empty values', () => {
    expect(buildApiPath('/courses/{id}', { path: { id: 'a b/c' } })).toBe('/courses/a%20b%2Fc');
    expect(
      buildApiPath('/reports/people', {
        query: { orgUnitId: 'u1', year: 2026, q: '', c: null, page: undefined },
      }),
    ).toBe('/reports/people?orgUnitId=u1&year=2026');
    expect(buildApiPath('/users', { query: new URLSearchParams({ q: 'Hà Nội' }) })).toBe(
      '/users?q=H%C3%A0+N%E1%BB%99i',
    );
    expect(buildApiPath('/me', { query: '?x=1' })).toBe('/me?x=1');
  });

  it('refuses a missing or a left-over parameter instead of calling a wrong URL', () => {
    expect(() => buildApiPath('/courses/{id}')).toThrow('no value for {id}');
    expect(() => buildApiPath('/courses/{id}', { path: { id: '1', courseId: '2' } })).toThrow(
      'no placeholder for courseId',
    );
  });
});
