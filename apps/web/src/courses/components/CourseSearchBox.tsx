import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../app/useDebouncedValue';

const DEBOUNCE_MS = 350;

/** Types freely; the catalog follows once typing pauses. */
export function CourseSearchBox({
  value,
  onSearch,
}: {
  value: string;
  onSearch: (q: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const debounced = useDebouncedValue(text.trim(), DEBOUNCE_MS);

  const [searched, setSearched] = useState(value);

  // Only typing searches; a new `value` from the URL (back button) refills the box.
  useEffect(() => {
    if (debounced === searched) return;
    setSearched(debounced);
    onSearch(debounced);
  }, [debounced, searched, onSearch]);
  useEffect(() => {
    setSearched(value);
    setText((current) => (current.trim() === value ? current : value));
  }, [value]);

  return (
    <form
      className="search-box"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(text.trim());
      }}
    >
      <label htmlFor="course-search">{t('courses.searchLabel')}</label>
      <input
        id="course-search"
        type="search"
        name="q"
        placeholder={t('courses.searchPlaceholder')}
        autoComplete="off"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
    </form>
  );
}
