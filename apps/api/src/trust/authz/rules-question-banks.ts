import { randomSuffix } from '@dx/db/testing';
import { randomUUID } from 'node:crypto';
import type { Side, World } from '../support/world';
import { FILE_STORAGE, type FileStorage } from '@dx/storage';
import { CheckContext, everyone, inScope, RuleTable } from './rule';

import { TINY_PNG as PNG } from '../../quizzes/question-images.fixtures';

/** The name of a question image put straight into the storage. */
async function storedImage(w: World): Promise<string> {
  const name = `${randomUUID().replace(/-/g, '')}.png`;
  await w.t.app.get<FileStorage>(FILE_STORAGE).put(`question-images/${name}`, PNG);
  return name;
}

/** Trainers of the owner unit's subtree (and sysadmin); learners and hr are refused by role. */
const banking = (ok: 200 | 201 | 204) =>
  ({ learner: 403, trainer: inScope(ok), hr: 403, sysadmin: ok }) as const;
/** The ministry's bank is outside a province trainer's subtree: not seen. */
const aboveBank = (ok: 200 | 201 | 204) =>
  ({ learner: 403, trainer: 404, hr: 403, sysadmin: ok }) as const;

interface SideBank {
  bankId: string;
  categoryId: string;
}

const banks = new WeakMap<Side, Promise<SideBank>>();

/** One bank with one category per side, written straight to the database once. */
function bankOf(w: World, side: Side): Promise<SideBank> {
  let made = banks.get(side);
  if (!made) {
    made = (async () => {
      const bankId = randomUUID();
      const categoryId = randomUUID();
      await w.t.db.query(
        `INSERT INTO question_bank (id, owner_org_unit_id, title) VALUES ($1, $2, 'Ngân hàng thử nghiệm')`,
        [bankId, side.unit.id],
      );
      await w.t.db.query(
        `INSERT INTO question_category (id, bank_id, name) VALUES ($1, $2, 'Chương 1')`,
        [categoryId, bankId],
      );
      return { bankId, categoryId };
    })();
    banks.set(side, made);
  }
  return made;
}

/** A current bank question of the side's bank, made anew (editing or removing uses it up). */
async function freshQuestion(c: CheckContext): Promise<string> {
  const { bankId, categoryId } = await bankOf(c.w, c.side);
  const id = randomUUID();
  await c.w.t.db.query(
    `INSERT INTO question (id, bank_id, category_id, key, position, type, text)
     VALUES ($1, $2, $3, $4, 1, 'true_false', 'Dữ liệu số là tài nguyên.')`,
    [id, bankId, categoryId, randomUUID()],
  );
  await c.w.t.db.query(
    `INSERT INTO question_option (question_id, position, text, correct)
     VALUES ($1, 1, 'Đúng', true), ($1, 2, 'Sai', false)`,
    [id],
  );
  return id;
}

/** A bank of the side's unit made anew, with one category (deleting uses it up). */
async function freshBank(c: CheckContext): Promise<{ bankId: string; categoryId: string }> {
  const bankId = randomUUID();
  const categoryId = randomUUID();
  await c.w.t.db.query(
    `INSERT INTO question_bank (id, owner_org_unit_id, title) VALUES ($1, $2, 'Ngân hàng tạm')`,
    [bankId, c.side.unit.id],
  );
  await c.w.t.db.query(
    `INSERT INTO question_category (id, bank_id, name) VALUES ($1, $2, 'Chương tạm')`,
    [categoryId, bankId],
  );
  return { bankId, categoryId };
}

const QUESTION = (categoryId: string) => ({
  categoryId,
  type: 'single',
  text: 'Chính phủ số là gì?',
  options: [
    { text: 'Chính phủ vận hành trên dữ liệu số', correct: true },
    { text: 'Một phần mềm', correct: false },
  ],
});

export const QUESTION_BANK_RULES: RuleTable = {
  'POST /api/question-images': {
    unscoped: true,
    learner: 403,
    trainer: 201,
    hr: 403,
    sysadmin: 201,
    request: () => ({
      file: { field: 'file', content: PNG, filename: 'so-do.png', contentType: 'image/png' },
    }),
  },
  // Any signed-in user who holds a (random, unguessable) name: learners see questions' images.
  'GET /api/question-images/{name}': {
    unscoped: true,
    ...everyone(200),
    request: async (c) => ({ params: { name: await storedImage(c.w) } }),
  },
  'GET /api/question-banks': {
    unscoped: true,
    learner: 403,
    trainer: 200,
    hr: 403,
    sysadmin: 200,
  },
  'POST /api/question-banks': {
    above: { learner: 403, trainer: 403, hr: 403, sysadmin: 201 },
    learner: 403,
    trainer: [201, 403],
    hr: 403,
    sysadmin: 201,
    request: (c) => ({ body: { title: 'Ngân hàng mới', ownerOrgUnitId: c.side.unit.id } }),
  },
  'GET /api/question-banks/{id}': {
    above: aboveBank(200),
    ...banking(200),
    request: async (c) => ({ params: { id: (await bankOf(c.w, c.side)).bankId } }),
  },
  'PATCH /api/question-banks/{id}': {
    above: aboveBank(204),
    ...banking(204),
    request: async (c) => ({
      params: { id: (await bankOf(c.w, c.side)).bankId },
      body: { title: 'Ngân hàng thử nghiệm' },
    }),
  },
  'DELETE /api/question-banks/{id}': {
    above: aboveBank(204),
    ...banking(204),
    request: async (c) => ({ params: { id: (await freshBank(c)).bankId } }),
  },
  'GET /api/question-banks/{id}/export': {
    above: aboveBank(200),
    ...banking(200),
    // GIFT, so the fuzz also feeds ?format= what it is not (the XLSX default is the same route).
    request: async (c) => ({
      params: { id: (await bankOf(c.w, c.side)).bankId },
      query: { format: 'gift' },
    }),
  },
  'PATCH /api/question-categories/{id}': {
    above: aboveBank(204),
    ...banking(204),
    request: async (c) => ({
      params: { id: (await freshBank(c)).categoryId },
      body: { name: `Chương ${randomSuffix()}` },
    }),
  },
  'DELETE /api/question-categories/{id}': {
    above: aboveBank(204),
    ...banking(204),
    request: async (c) => ({ params: { id: (await freshBank(c)).categoryId } }),
  },
  'POST /api/question-banks/{id}/categories': {
    above: aboveBank(201),
    ...banking(201),
    request: async (c) => ({
      params: { id: (await bankOf(c.w, c.side)).bankId },
      body: { name: `Chương ${randomSuffix()}` },
    }),
  },
  'POST /api/question-banks/{id}/questions': {
    above: aboveBank(201),
    ...banking(201),
    request: async (c) => {
      const bank = await bankOf(c.w, c.side);
      return { params: { id: bank.bankId }, body: QUESTION(bank.categoryId) };
    },
  },
  'POST /api/question-banks/{id}/import': {
    above: aboveBank(200),
    ...banking(200),
    request: async (c) => {
      const bank = await bankOf(c.w, c.side);
      return {
        params: { id: bank.bankId },
        query: { categoryId: bank.categoryId },
        file: {
          field: 'file',
          content: Buffer.from('Chính phủ số là gì? {=Vận hành trên dữ liệu số ~Một phần mềm}'),
          filename: 'cau-hoi.gift',
          contentType: 'text/plain',
        },
      };
    },
  },
  'PUT /api/bank-questions/{id}': {
    above: aboveBank(200),
    ...banking(200),
    request: async (c) => ({
      params: { id: await freshQuestion(c) },
      body: QUESTION((await bankOf(c.w, c.side)).categoryId),
    }),
  },
  'DELETE /api/bank-questions/{id}': {
    above: aboveBank(204),
    ...banking(204),
    request: async (c) => ({ params: { id: await freshQuestion(c) } }),
  },
  // The draft course's quiz: read like the draft (404 where the course is not seen).
  'GET /api/quizzes/{id}/draw-rules': {
    above: aboveBank(200),
    ...banking(200),
    request: (c) => ({ params: { id: c.side.draft.quizzes[0].quiz.id } }),
  },
  // An empty list: the shared draft stays as it was.
  'PUT /api/quizzes/{id}/draw-rules': {
    above: aboveBank(200),
    ...banking(200),
    request: (c) => ({ params: { id: c.side.draft.quizzes[0].quiz.id }, body: { rules: [] } }),
  },
};
