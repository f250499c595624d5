import type { FieldErrorCode } from '@dx/contracts';
import type { QuestionCandidate, RowError } from './question-row';

/** Why a block is not a question: `code` for the web, `message` in English for logs. */
interface GiftProblem {
  code: FieldErrorCode;
  message: string;
  params?: Record<string, string>;
}

const problem = (code: FieldErrorCode, message: string, params?: Record<string, string>) =>
  ({ code, message, ...(params && { params }) }) satisfies GiftProblem;
const isProblem = (x: object): x is GiftProblem => 'code' in x;

/**
 * Moodle GIFT text, the forms these quizzes can hold:
 *   ::id:: Question text {=right ~wrong ~wrong ####explanation}        single choice
 *   ::id:: Question text {~%50%right ~%50%right ~%-100%wrong}          multiple choice
 *   ::id:: Statement {T} / {FALSE}  (optionally ####explanation)        true/false
 *   ::id:: Ghép đôi {=VNeID -> Định danh =DVC -> Dịch vụ công}          matching
 *   ::id:: Thủ đô? {=Hà Nội =Thủ đô Hà Nội}                            short answer
 *   ::id:: Số? {#3.14:0.01}  {#1..5}  {#=3.14:0.01 =3.1:0}              numeric (value:tolerance, min..max)
 * Questions are separated by blank lines; `//` lines are comments; `\` escapes ~ = # { } :.
 * Per-answer feedback (`#…`) is dropped; partial-credit answers (`=%50%…`) of short-answer and
 * numeric questions are dropped (grading is all or nothing). Essay questions are row errors.
 * `row` is the question's first line.
 * `$CATEGORY: a/b/Name` sets the category (its last segment) of the questions that follow.
 * `// [tag:name]` comment lines in or just before a question tag it (Moodle 4's export form);
 * `\n` in a text is a line break and `\\` a backslash, as Moodle writes them.
 */
export function giftCandidates(text: string): {
  candidates: QuestionCandidate[];
  errors: RowError[];
} {
  const candidates: QuestionCandidate[] = [];
  const errors: RowError[] = [];
  let category: string | null = null;
  for (const whole of blocks(text)) {
    let block = whole;
    const [first, ...rest] = whole.text.split('\n');
    const set = /^\s*\$CATEGORY:\s*(.*)$/.exec(first);
    if (set) {
      // Moodle writes paths ($course$/top/Chương 1): the last segment names the category.
      const segments = set[1].split('/').map((x) => x.trim());
      category = segments.filter((x) => x && !x.startsWith('$')).pop() || null;
      if (!rest.join('').trim()) continue;
      block = { ...whole, row: whole.row + 1, text: rest.join('\n') };
    }
    const parsed = parseBlock(block.text);
    if (isProblem(parsed)) {
      errors.push({ row: block.row, field: 'gift', ...parsed });
    } else {
      candidates.push({ row: block.row, ...parsed, category, tags: whole.tags });
    }
  }
  return { candidates, errors };
}

interface Block {
  row: number;
  text: string;
  tags: string[];
}

const TAG = /\[tag:((?:\\\]|[^\]])+)\]/g;

/**
 * Blank-line separated blocks without comment lines, with the line each starts on and the
 * tags of the `// [tag:…]` comments in it or right before it.
 */
function blocks(text: string): Block[] {
  const out: Block[] = [];
  let current: string[] = [];
  let tags: string[] = [];
  let start = 0;
  const close = () => {
    if (current.length) out.push({ row: start, text: current.join('\n'), tags });
    if (current.length) tags = [];
    current = [];
  };
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (/^\s*\/\//.test(line)) {
        for (const m of line.matchAll(TAG)) tags.push(m[1].replace(/\\]/g, ']').trim());
        return;
      }
      if (line.trim() === '') return close();
      if (!current.length) start = i + 1;
      current.push(line);
    });
  close();
  return out;
}

const ESCAPED = /\\([~=#{}:\\n])/g;
const unescape = (s: string) => s.replace(ESCAPED, (_, c) => (c === 'n' ? '\n' : c)).trim();

/** Splits at unescaped occurrences of `chars` (the delimiter stays at the start of each part). */
function splitAnswers(body: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\' && i + 1 < body.length) {
      current += ch + body[++i];
      continue;
    }
    if ((ch === '=' || ch === '~') && current.trim() !== '') {
      parts.push(current);
      current = '';
    }
    current += ch;
  }
  if (current.trim()) parts.push(current);
  return parts.map((p) => p.trim());
}

/** Index of the first unescaped `ch` at or after `from`, or -1. */
function unescapedIndex(s: string, ch: string, from = 0): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === ch) return i;
  }
  return -1;
}

function parseBlock(block: string): Omit<QuestionCandidate, 'row'> | GiftProblem {
  let rest = block.trim();
  let externalId: string | null = null;
  if (rest.startsWith('::')) {
    const end = rest.indexOf('::', 2);
    if (end < 0) return problem('gift_title_unclosed', 'the title (::id::) is not closed');
    externalId = unescape(rest.slice(2, end)) || null;
    rest = rest.slice(end + 2);
  }
  rest = rest.replace(/^\[(html|moodle|plain|markdown)\]/, '');
  const open = unescapedIndex(rest, '{');
  const close = open < 0 ? -1 : unescapedIndex(rest, '}', open);
  if (open < 0 || close < 0) return problem('gift_no_answer_block', 'no answer block { … } found');
  const stem = unescape(`${rest.slice(0, open)} ${rest.slice(close + 1)}`.replace(/\s+/g, ' '));
  let body = rest.slice(open + 1, close).trim();
  let explanation: string | null = null;
  const general = body.indexOf('####');
  if (general >= 0) {
    explanation = unescape(body.slice(general + 4)) || null;
    body = body.slice(0, general).trim();
  }
  const tf = /^(T|TRUE|F|FALSE)\b/i.exec(body);
  if (tf) {
    const isTrue = tf[1].toUpperCase().startsWith('T');
    return {
      externalId,
      type: 'true_false',
      text: stem,
      options: [
        { text: 'Đúng', correct: isTrue },
        { text: 'Sai', correct: !isTrue },
      ],
      explanation,
    };
  }
  if (body === '')
    return problem('gift_essay', 'an essay question (empty answer block) cannot be graded here');
  const base = { externalId, text: stem, explanation };
  if (body.startsWith('#')) {
    const options = numericOptions(body.slice(1).trim());
    return isProblem(options) ? options : { ...base, type: 'numeric', options };
  }
  const answers = splitAnswers(body);
  if (answers.some((a) => a.includes('->'))) {
    const options = matchingOptions(answers);
    return isProblem(options) ? options : { ...base, type: 'matching', options };
  }
  if (!answers.every((a) => a.startsWith('=') || a.startsWith('~'))) {
    return problem('gift_answer_prefix', 'each answer must start with = (right) or ~ (wrong)');
  }
  if (answers.every((a) => a.startsWith('='))) {
    const options = fullCredit(answers).map((text) => ({ text: unescape(text), correct: true }));
    return { ...base, type: 'short_answer', options };
  }
  const weighted = answers.some((a) => /^~%\d/.test(a));
  const options = answers.map((a) => {
    const weight = /^[~=]%(-?\d+(?:\.\d+)?)%/.exec(a);
    const correct = a.startsWith('=') || (weight !== null && Number(weight[1]) > 0);
    let textPart = a.slice(weight ? weight[0].length : 1);
    const feedback = unescapedIndex(textPart, '#');
    if (feedback >= 0) textPart = textPart.slice(0, feedback);
    return { text: unescape(textPart), correct };
  });
  return {
    externalId,
    type: weighted ? 'multiple' : 'single',
    text: stem,
    options,
    explanation,
  };
}

/** Answer texts of `=` answers worth full credit (no weight, or 100 %), feedback dropped. */
function fullCredit(answers: string[]): string[] {
  return answers.flatMap((a) => {
    const weight = /^=%(-?\d+(?:\.\d+)?)%/.exec(a);
    if (weight && Number(weight[1]) !== 100) return [];
    let textPart = a.slice(weight ? weight[0].length : 1);
    const feedback = unescapedIndex(textPart, '#');
    if (feedback >= 0) textPart = textPart.slice(0, feedback);
    return [textPart];
  });
}

/** `=left -> right` pairs; any other answer is an error (GIFT has no wrong matching answers). */
function matchingOptions(answers: string[]): QuestionCandidate['options'] | GiftProblem {
  if (!answers.every((a) => a.startsWith('=')))
    return problem('gift_matching_prefix', 'each matching pair must start with =');
  return answers.map((a) => {
    const arrow = a.indexOf('->');
    // A pair without its match keeps an empty match: the DTO names the row's missing pair.
    const [left, right] = arrow < 0 ? [a.slice(1), ''] : [a.slice(1, arrow), a.slice(arrow + 2)];
    return { text: unescape(left), correct: true, match: unescape(right) };
  });
}

/** `3.14:0.01`, `1..5`, `3.14`, or `=…` answers of those forms: values with tolerances. */
function numericOptions(body: string): QuestionCandidate['options'] | GiftProblem {
  const forms = body.startsWith('=') ? fullCredit(splitAnswers(body)) : [body];
  const options: { text: string; correct: boolean; tolerance?: number }[] = [];
  for (const raw of forms) {
    const f = unescape(raw).replace(/\s+/g, '');
    const range = /^(.+)\.\.(.+)$/.exec(f);
    const [v, tol] = range ? [range[1], range[2]] : f.split(':');
    const a = Number(v);
    const b = tol === undefined ? 0 : Number(tol);
    if (!v || !Number.isFinite(a) || !Number.isFinite(b)) {
      const value = raw.trim();
      return problem('gift_not_a_number', `"${value}" is not a number`, { value });
    }
    if (range) {
      // min..max is the value halfway with half the width as tolerance.
      options.push({ text: String((a + b) / 2), correct: true, tolerance: Math.abs(b - a) / 2 });
    } else {
      options.push({ text: v, correct: true, ...(b ? { tolerance: b } : {}) });
    }
  }
  return options.length
    ? options
    : problem('gift_numeric_no_value', 'a numeric question needs at least one full-credit value');
}
