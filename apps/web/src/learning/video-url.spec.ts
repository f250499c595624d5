import { videoDisplay } from './video-url';

describe('videoDisplay', () => {
  it('embeds YouTube links in their privacy-enhanced player', () => {
    for (const url of [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://youtu.be/dQw4w9WgXcQ',
      'https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=10',
      'https://www.youtube.com/embed/dQw4w9WgXcQ',
    ]) {
      expect(videoDisplay(url)).toEqual({
        kind: 'iframe',
        src: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
        href: new URL(url).toString(),
      });
    }
  });

  it('embeds Vimeo links', () => {
    expect(videoDisplay('https://vimeo.com/76979871')).toMatchObject({
      kind: 'iframe',
      src: 'https://player.vimeo.com/video/76979871',
    });
  });

  it('only links to http URLs and https URLs of unknown hosts', () => {
    expect(videoDisplay('http://www.youtube.com/watch?v=dQw4w9WgXcQ')).toEqual({
      kind: 'link',
      href: 'http://www.youtube.com/watch?v=dQw4w9WgXcQ',
    });
    expect(videoDisplay('https://videos.example.gov.vn/a.mp4')).toEqual({
      kind: 'link',
      href: 'https://videos.example.gov.vn/a.mp4',
    });
    expect(videoDisplay('https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ').kind).toBe('link');
  });

  it('never turns other schemes into links', () => {
    expect(videoDisplay('javascript:alert(1)')).toEqual({
      kind: 'text',
      text: 'javascript:alert(1)',
    });
    expect(videoDisplay('data:text/html,<b>x</b>').kind).toBe('text');
    expect(videoDisplay('not a url').kind).toBe('text');
  });

  it('rejects ids that could break out of the embed path', () => {
    expect(videoDisplay('https://www.youtube.com/watch?v=../../x').kind).toBe('link');
  });
});
