import type { BankQuestionView } from '@dx/contracts';

/** Escapes what GIFT reserves (Moodle's own export escapes the same, newlines as `\n`). */
const esc = (s: string) => s.replace(/[\\~=#{}:]/g, '\\$&').replace(/\r?\n/g, '\\n');

/**
 * Why a question cannot go to GIFT as the import reads it (null when it can). GIFT has no
 * ordering form, no text-rule switches for short answers (the import applies the defaults) and
 * no way to escape `->` (the import reads any answer holding it as a matching pair).
 */
function unexpressible(q: BankQuestionView, category: string): string | null {
  if (q.type === 'ordering') return 'GIFT không có dạng sắp xếp thứ tự';
  if (q.type === 'short_answer' && (!q.ignoreCase || q.ignoreDiacritics)) {
    return 'GIFT không ghi được quy tắc chữ hoa/dấu của câu trả lời ngắn';
  }
  if (q.type === 'true_false' && q.options.map((o) => o.text).join('|') !== 'Đúng|Sai') {
    return 'câu đúng/sai có phương án khác "Đúng", "Sai"';
  }
  if (q.options.some((o) => o.text.includes('->'))) return 'phương án chứa "->"';
  if (category.includes('/')) return 'tên danh mục chứa "/"';
  return null;
}

function answerBlock(q: BankQuestionView): string {
  switch (q.type) {
    case 'true_false':
      return q.options[0].correct ? 'TRUE' : 'FALSE';
    case 'single':
      return q.options.map((o) => `${o.correct ? '=' : '~'}${esc(o.text)}`).join(' ');
    case 'multiple': {
      // Weighted answers make it a multiple-answer question; -100 % on a wrong one keeps
      // Moodle's grading all or nothing, like ours.
      const right = q.options.filter((o) => o.correct).length;
      const share = Number((100 / right).toFixed(5));
      return q.options.map((o) => `~%${o.correct ? share : -100}%${esc(o.text)}`).join(' ');
    }
    case 'matching':
      return q.options.map((o) => `=${esc(o.text)} -> ${esc(o.match ?? '')}`).join(' ');
    case 'short_answer':
      return q.options.map((o) => `=${esc(o.text)}`).join(' ');
    case 'numeric':
      return `#${q.options
        .map((o) => `=${Number(o.text.replace(',', '.'))}:${o.tolerance ?? 0}`)
        .join(' ')}`;
    default:
      throw new Error(`no GIFT form for ${q.type}`);
  }
}

/**
 * A bank's current questions as Moodle GIFT that `POST /api/question-banks/:id/import` reads
 * back to the same questions: `$CATEGORY:` lines per category, `::externalId::`, `####`
 * explanation, `// [tag:…]` lines (Moodle's own form) for tags. Questions GIFT cannot express
 * are left out, each named on a comment line at the top with the reason (the XLSX export
 * keeps them). Images are not carried (neither format does).
 */
export function bankGift(
  questions: readonly BankQuestionView[],
  categoryName: ReadonlyMap<string, string>,
): { text: string; skipped: number } {
  const skipped: string[] = [];
  const byCategory = new Map<string, string[]>();
  for (const q of questions) {
    const category = categoryName.get(q.categoryId) ?? '';
    const why = unexpressible(q, category);
    if (why) {
      skipped.push(
        `// Bỏ qua "${q.externalId ?? q.text.slice(0, 60)}": ${why}.`.replace(/\n/g, ' '),
      );
      continue;
    }
    const tags = q.tags.map((t) => `// [tag:${t.replace(/]/g, '\\]')}]\n`).join('');
    const title = q.externalId ? `::${esc(q.externalId)}:: ` : '';
    const explanation = q.explanation ? ` ####${esc(q.explanation)}` : '';
    const block = `${tags}${title}${esc(q.text)} {${answerBlock(q)}${explanation}}`;
    byCategory.set(category, [...(byCategory.get(category) ?? []), block]);
  }
  const head = [
    `// Ngân hàng câu hỏi (GIFT): ${questions.length - skipped.length} câu` +
      (skipped.length ? `; ${skipped.length} câu không xuất được dạng GIFT (dùng tệp XLSX).` : '.'),
    ...skipped,
  ].join('\n');
  const sections = [...byCategory].map(
    ([name, blocks]) => `$CATEGORY: $course$/top/${name}\n\n${blocks.join('\n\n')}`,
  );
  return { text: `${[head, ...sections].join('\n\n')}\n`, skipped: skipped.length };
}
