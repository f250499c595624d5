import { readStoredAttempt, writeStoredAttempt } from './attempt-storage';

class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
}

describe('stored attempts', () => {
  it('merges answers into what was stored at start', () => {
    const store = new MemoryStorage();
    const questions = [{ id: 'q1', type: 'single' as const, text: 'Câu 1', options: [] }];
    writeStoredAttempt('a1', { quizId: 'z', courseId: 'c', questions }, store);
    writeStoredAttempt('a1', { quizId: 'z', answers: { q1: { optionIds: ['o2'] } } }, store);
    expect(readStoredAttempt('a1', store)).toEqual({
      quizId: 'z',
      courseId: 'c',
      questions,
      answers: { q1: { optionIds: ['o2'] } },
      result: null,
    });
  });

  it('returns null for unknown or corrupt entries', () => {
    const store = new MemoryStorage();
    expect(readStoredAttempt('nope', store)).toBeNull();
    store.setItem('dx.quiz.attempt.bad', '{oops');
    expect(readStoredAttempt('bad', store)).toBeNull();
  });
});
