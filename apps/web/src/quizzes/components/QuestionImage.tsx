import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { api } from '../../api/client';

/**
 * A question's image. It needs the session's token, so it is fetched as a blob and shown
 * from an object URL; the alt text is the author's (required by the API). Cached by key:
 * a key never changes content.
 */
export function QuestionImage({
  image,
  small,
}: {
  image: { key: string; alt: string };
  /** An option's image: smaller, beside its text. */
  small?: boolean;
}) {
  const className = `question__image${small ? ' question__image--option' : ''}`;
  const name = image.key.slice(image.key.lastIndexOf('/') + 1);
  const blob = useQuery({
    queryKey: ['question-image', name],
    queryFn: ({ signal }) => api.blob('/question-images/{name}', { path: { name }, signal }),
    staleTime: Infinity,
  });
  const url = useMemo(() => (blob.data ? URL.createObjectURL(blob.data) : null), [blob.data]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  if (!url) {
    // Room kept for the picture (no layout shift), its text readable meanwhile or on failure.
    return (
      <p className={`${className} question__image--pending`} role="img" aria-label={image.alt}>
        {blob.isError ? image.alt : null}
      </p>
    );
  }
  return <img className={className} src={url} alt={image.alt} />;
}

/** An option as learners see it: its text, and its image when the author gave one. */
export function OptionContent({
  option,
}: {
  option: { text: string; image?: { key: string; alt: string } };
}) {
  return (
    <span className="option__content">
      <span>{option.text}</span>
      {option.image && <QuestionImage image={option.image} small />}
    </span>
  );
}
