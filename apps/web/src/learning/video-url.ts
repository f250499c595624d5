/** How a lesson's video URL is shown: embedded only from hosts we know, over https. */
export type VideoDisplay =
  | { kind: 'iframe'; src: string; href: string }
  | { kind: 'link'; href: string }
  | { kind: 'text'; text: string };

const YOUTUBE_ID = /^[A-Za-z0-9_-]{6,20}$/;
const VIMEO_ID = /^\d{4,12}$/;

function youtubeId(url: URL): string | null {
  const host = url.hostname.replace(/^www\.|^m\./, '');
  if (host === 'youtu.be') return url.pathname.split('/')[1] ?? null;
  if (host !== 'youtube.com' && host !== 'youtube-nocookie.com') return null;
  if (url.pathname === '/watch') return url.searchParams.get('v');
  const [, first, second] = url.pathname.split('/');
  return first === 'embed' || first === 'shorts' || first === 'live' ? (second ?? null) : null;
}

function vimeoId(url: URL): string | null {
  const host = url.hostname.replace(/^www\./, '');
  if (host === 'vimeo.com') return url.pathname.split('/')[1] ?? null;
  if (host === 'player.vimeo.com') {
    const [, first, second] = url.pathname.split('/');
    return first === 'video' ? (second ?? null) : null;
  }
  return null;
}

export function videoDisplay(raw: string): VideoDisplay {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { kind: 'text', text: raw };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { kind: 'text', text: raw };
  const href = url.toString();
  if (url.protocol !== 'https:' || url.username || url.password) return { kind: 'link', href };

  const yt = youtubeId(url);
  if (yt && YOUTUBE_ID.test(yt)) {
    return { kind: 'iframe', src: `https://www.youtube-nocookie.com/embed/${yt}`, href };
  }
  const vimeo = vimeoId(url);
  if (vimeo && VIMEO_ID.test(vimeo)) {
    return { kind: 'iframe', src: `https://player.vimeo.com/video/${vimeo}`, href };
  }
  return { kind: 'link', href };
}
