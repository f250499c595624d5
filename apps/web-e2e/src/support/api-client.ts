/**
 * A small fetch client for preparing data through the REAL API (never the database), so the
 * browser tests exercise the same endpoints as the app. Failures name the call and quote
 * the API's answer, which is what a report to the API's authors needs.
 */
export class ApiCallError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`${method} /api${path} → HTTP ${status}: ${body.slice(0, 600)}`);
    this.name = 'ApiCallError';
  }
}

export class ApiClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string | null = null,
  ) {}

  static async login(baseUrl: string, username: string, password: string): Promise<ApiClient> {
    const anonymous = new ApiClient(baseUrl);
    const { accessToken } = await anonymous.request<{ accessToken: string }>(
      'POST',
      '/auth/login',
      {
        username,
        password,
      },
    );
    return new ApiClient(baseUrl, accessToken);
  }

  request<T>(method: string, path: string, body?: unknown): Promise<T> {
    if (body === undefined) return this.send<T>(method, path);
    return this.send<T>(method, path, JSON.stringify(body), 15_000, 'application/json');
  }

  /** One file sent as the app's file inputs send it (multipart, field `file`). */
  upload<T>(
    path: string,
    file: { name: string; type: string; content: Buffer },
    method: 'POST' | 'PUT' = 'POST',
  ): Promise<T> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file.content)], { type: file.type }), file.name);
    // A staff list of thousands of rows is checked and saved in one request.
    return this.send<T>(method, path, form, 60_000);
  }

  private async send<T>(
    method: string,
    path: string,
    body?: string | FormData,
    timeoutMs = 15_000,
    contentType?: string,
  ): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (contentType) headers['Content-Type'] = contentType;
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    const response = await fetch(`${this.baseUrl}/api${path}`, {
      method,
      headers,
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    if (!response.ok) throw new ApiCallError(method, path, response.status, text);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  get = <T>(path: string) => this.request<T>('GET', path);
  post = <T>(path: string, body?: unknown) => this.request<T>('POST', path, body);
}
