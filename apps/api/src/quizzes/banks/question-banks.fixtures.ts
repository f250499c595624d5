import type { TestApp } from '../../test/test-app';

/** A new bank of the trainer's unit with one category, "Chương 1". */
export async function bankWithCategory(t: TestApp, trainer: string, title = 'Ngân hàng') {
  const bankId = (
    await t.http
      .post('/api/question-banks')
      .set('Authorization', trainer)
      .send({ title })
      .expect(201)
  ).body.id as string;
  const categoryId = (
    await t.http
      .post(`/api/question-banks/${bankId}/categories`)
      .set('Authorization', trainer)
      .send({ name: 'Chương 1' })
      .expect(201)
  ).body.id as string;
  return { bankId, categoryId };
}

/** A new bank holding `question` (a POST body without its category) in "Chương 1". */
export async function bankWithQuestion(t: TestApp, trainer: string, question: object) {
  const bank = await bankWithCategory(t, trainer);
  const saved = await t.http
    .post(`/api/question-banks/${bank.bankId}/questions`)
    .set('Authorization', trainer)
    .send({ ...question, categoryId: bank.categoryId })
    .expect(201);
  return { ...bank, question: saved.body as { id: string; key: string; version: number } };
}
