import { describe, expect, it } from 'vitest';
import { FRAMEWORK, STEP_IDS, TOTAL_MINUTES, stepBudgets } from '../../src/core/framework.js';

describe('the framework', () => {
  it('has the seven steps in order, numbered from 1', () => {
    expect(FRAMEWORK.map((step) => step.id)).toEqual([...STEP_IDS]);
    expect(FRAMEWORK.map((step) => step.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('budgets 45 minutes by default and scales them', () => {
    expect(TOTAL_MINUTES).toBe(45);
    const budgets = stepBudgets(90);
    expect(Object.values(budgets).reduce((a, b) => a + b, 0)).toBeCloseTo(90);
    expect(budgets.model).toBeCloseTo(18);
  });

  it.each(FRAMEWORK)('$id has a title, guiding questions, headings and a weight', (step) => {
    expect(step.title).not.toBe('');
    expect(step.guiding.length).toBeGreaterThanOrEqual(3);
    expect(step.headings.length).toBeGreaterThanOrEqual(5);
    expect(step.weight).toBeGreaterThan(0);
  });
});
