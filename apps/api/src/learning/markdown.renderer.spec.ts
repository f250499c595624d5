import { renderLessonMarkdown } from './markdown.renderer';

describe('renderLessonMarkdown', () => {
  it('renders headings, lists, emphasis, code, quotes and tables with Vietnamese text intact', () => {
    const html = renderLessonMarkdown(
      [
        '# Chuyển đổi số',
        '',
        'Đây là **quan trọng** và *cần thiết*.',
        '',
        '- Mục một',
        '- Mục hai',
        '',
        '1. Bước đầu',
        '',
        '> Trích dẫn',
        '',
        '```ts',
        'const x = 1;',
        '```',
        '',
        '| Cột | Giá trị |',
        '|:---|---:|',
        '| A | 1 |',
      ].join('\n'),
    );
    // Content headings sit below the page's own <h1> (the lesson title).
    expect(html).toContain('<h2>Chuyển đổi số</h2>');
    expect(html).toContain('<strong>quan trọng</strong>');
    expect(html).toContain('<em>cần thiết</em>');
    expect(html).toContain('<li>Mục một</li>');
    expect(html).toContain('<ol>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<pre><code class="language-ts">const x = 1;');
    expect(html).toContain('<table>');
    expect(html).toMatch(/<th align="left">Cột<\/th>/);
  });

  it('opens http, https and mailto links in a new tab without an opener', () => {
    const html = renderLessonMarkdown('[Cổng](https://dichvucong.gov.vn) [thư](mailto:a@b.vn)');
    expect(html).toContain(
      '<a href="https://dichvucong.gov.vn" target="_blank" rel="noopener noreferrer">Cổng</a>',
    );
    expect(html).toContain(
      '<a href="mailto:a@b.vn" target="_blank" rel="noopener noreferrer">thư</a>',
    );
  });

  it('keeps https images and drops images from any other source', () => {
    const html = renderLessonMarkdown(
      '![sơ đồ](https://example.vn/a.png) ![x](http://example.vn/b.png)',
    );
    expect(html).toContain('<img src="https://example.vn/a.png" alt="sơ đồ" />');
    expect(html).not.toContain('b.png');
  });

  it.each([
    ['<script>alert(1)</script>Xin chào', /<script|alert/i],
    ['<img src="https://x.vn/a.png" onerror="alert(1)">', /onerror|alert/i],
    ['<img src=x onerror=alert(1)>', /onerror|alert|<img/i],
    ['[bấm](javascript:alert(1))', /javascript|href/i],
    ['<a href="jav&#x61;script:alert(1)">bấm</a>', /javascript|href|alert/i],
    ['<a href=" JavaScript:alert(1)">bấm</a>', /javascript|href|alert/i],
    ['<iframe src="https://evil.example"></iframe>', /iframe|evil/i],
    ['<style>body{display:none}</style>', /<style|display/i],
    ['<p style="color:red" onclick="alert(1)">chữ</p>', /style|onclick|alert/i],
    ['![x](javascript:alert(1))', /javascript|<img/i],
    ['<svg onload="alert(1)"><circle/></svg>', /svg|onload|alert/i],
    ['<a href="data:text/html;base64,PHNjcmlwdD4=">bấm</a>', /data:|href/i],
    ['<form action="https://evil.example"><input name="p"></form>', /form|input|evil/i],
  ])('neutralises %s', (payload, forbidden) => {
    expect(renderLessonMarkdown(payload)).not.toMatch(forbidden);
  });

  it('keeps the text of a link whose target is refused', () => {
    expect(renderLessonMarkdown('[bấm vào đây](javascript:alert(1))')).toContain(
      '<a>bấm vào đây</a>',
    );
  });
});
