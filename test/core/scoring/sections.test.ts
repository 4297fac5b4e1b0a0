import { describe, expect, it } from 'vitest';
import type { StepId } from '../../../src/core/framework.js';
import { findHeadings, splitSections, stepOfHeading } from '../../../src/core/notes/sections.js';

describe('stepOfHeading', () => {
  it.each<[string, StepId | null]>([
    ['Requirements', 'requirements'],
    ['1. Requirements', 'requirements'],
    ['Clarifying requirements', 'requirements'],
    ['Clarifying questions', 'requirements'],
    ['Reqs', 'requirements'],
    ['Business objective', 'requirements'],
    ['Scope and constraints', 'requirements'],
    ['Problem formulation', 'framing'],
    ['ML Objective', 'framing'],
    ['ML problem framing', 'framing'],
    ['Framing', 'framing'],
    ['Data', 'data'],
    ['Data & features', 'data'],
    ['Data and features', 'data'],
    ['Training data', 'data'],
    ['Feature engineering', 'data'],
    ['Model', 'model'],
    ['Modeling', 'model'],
    ['Modelling', 'model'],
    ['Model architecture', 'model'],
    ['Training', 'model'],
    ['Metrics', 'evaluation'],
    ['Offline evaluation', 'evaluation'],
    ['Online metrics', 'evaluation'],
    ['A/B testing', 'evaluation'],
    ['Evaluation', 'evaluation'],
    ['Model serving', 'serving'],
    ['Deployment', 'serving'],
    ['Inference', 'serving'],
    ['Serving', 'serving'],
    ['Deployment & monitoring', 'serving'],
    ['Monitoring & maintenance', 'monitoring'],
    ['Monitoring', 'monitoring'],
    ['Model maintenance', 'monitoring'],
    ['Observability', 'monitoring'],
    ['MONITORING', 'monitoring'],
    // "X of Y" and "<step> metrics": the step word is not always the last word
    ['Monitoring metrics', 'monitoring'],
    ['Evaluation of the model', 'evaluation'],
    ['Thoughts', null],
    ['Notes to self', null],
    ['', null],
  ])('"%s" is %s', (heading, step) => {
    expect(stepOfHeading(heading)).toBe(step);
  });
});

/** The step of the section that a single heading line opens. */
function stepOfLine(line: string): StepId | null | undefined {
  const { sections } = splitSections([line, 'some notes under it']);
  return sections.find((section) => section.headingLine === 0)?.step;
}

describe('heading lines in a document', () => {
  it.each<[string, StepId | null]>([
    ['## 1. Requirements', 'requirements'],
    ['## Clarifying requirements', 'requirements'],
    ['# Reqs', 'requirements'],
    ['## Problem formulation', 'framing'],
    ['## ML Objective', 'framing'],
    ['## 2. Metrics', 'evaluation'],
    ['## 5) Metrics', 'evaluation'],
    ['## Step 3: Data', 'data'],
    ['## Offline evaluation', 'evaluation'],
    ['## Data & features', 'data'],
    ['## Training data', 'data'],
    ['## Model serving', 'serving'],
    ['## Deployment', 'serving'],
    ['## Inference', 'serving'],
    ['## Monitoring & maintenance', 'monitoring'],
    ['## 4.', 'model'],
    ['## 4', 'model'],
    ['## 7. ', 'monitoring'],
    ['## **6. Serving**', 'serving'],
    ['### Monitoring ###', 'monitoring'],
    ['   ## Data', 'data'],
  ])('%j opens a %s section', (line, step) => {
    expect(stepOfLine(line)).toBe(step);
  });

  it.each(['    ## Data', '##Data', '#hashtag data'])('%j is not a heading', (line) => {
    expect(findHeadings([line, 'text'])).toEqual([]);
  });
});

describe('splitSections', () => {
  it('splits at "##" headings, keeping text before the first heading in a step-less section', () => {
    const lines = ['Some preamble.', '', '## 1. Requirements', 'scale: 10M users', '## 4. Model', 'GBDT baseline', 'then a DNN'];
    const { sections, headingsFound } = splitSections(lines);
    expect(headingsFound).toBe(true);
    expect(sections.map((section) => [section.step, section.headingLine, section.lines])).toEqual([
      [null, null, [0, 1]],
      ['requirements', 2, [3]],
      ['model', 4, [5, 6]],
    ]);
    expect(sections[1]?.heading).toBe('1. Requirements');
  });

  it('omits the empty lead section when the document starts with a heading', () => {
    const { sections } = splitSections(['## Data', 'logs', '## Serving', 'batch']);
    expect(sections.map((section) => section.step)).toEqual(['data', 'serving']);
  });

  it('keeps "### 1. Candidate generation" under "## Serving" in serving', () => {
    const lines = [
      '## Model',
      'two tower',
      '## Serving',
      '### 1. Candidate generation',
      'ANN over item embeddings',
      '### 2. Ranking',
      'GBDT ranker',
      '## Monitoring',
      'drift',
    ];
    const { sections } = splitSections(lines);
    expect(sections.map((section) => section.step)).toEqual(['model', 'serving', 'monitoring']);
    expect(sections[1]?.lines).toEqual([3, 4, 5, 6]);
  });

  it('keeps a deeper heading that names another step inside the step it stands in', () => {
    const { sections } = splitSections(['## Model', 'x', '## Serving', '### Model refresh', 'nightly', '## Monitoring', 'y']);
    expect(sections.map((section) => section.step)).toEqual(['model', 'serving', 'monitoring']);
    expect(sections[1]?.lines).toContain(4);
  });

  it('uses "#" headings when those are the ones that name steps', () => {
    const { sections } = splitSections(['# Requirements', 'a', '# Model', 'b', '## Baseline choice', 'c']);
    expect(sections.map((section) => section.step)).toEqual(['requirements', 'model']);
  });

  it('finds "**Serving**" bold lines when there are no # headings', () => {
    const lines = ['**Requirements**', '10M users', '', '**Serving**', 'batch predictions nightly', '- **Monitoring:**', 'drift'];
    const { sections, headingsFound } = splitSections(lines);
    expect(headingsFound).toBe(true);
    expect(sections.map((section) => [section.step, section.headingLine])).toEqual([
      ['requirements', 0],
      ['serving', 3],
      ['monitoring', 5],
    ]);
  });

  it('finds "Label:" lines and "3) Data" lines when there are no # headings', () => {
    const { sections } = splitSections(['Requirements:', '10M users', '3) Data', 'click logs']);
    expect(sections.map((section) => [section.step, section.headingLine])).toEqual([
      ['requirements', 0],
      ['data', 2],
    ]);
  });

  it('ignores bold lines when "#" headings name the steps', () => {
    const { sections } = splitSections(['## Model', '**Serving**', 'text']);
    expect(sections.map((section) => section.step)).toEqual(['model']);
  });

  it('ignores headings inside fenced code', () => {
    const { sections } = splitSections(['## Model', '```', '## Serving', '```', 'text']);
    expect(sections.map((section) => section.step)).toEqual(['model']);
  });

  it('reports no headings for plain prose', () => {
    const { sections, headingsFound } = splitSections(['We would log clicks.', 'Then train a model.']);
    expect(headingsFound).toBe(false);
    expect(sections).toEqual([{ step: null, headingLine: null, heading: '', lines: [0, 1] }]);
  });

  it('reports no headings when no "#" heading names a step', () => {
    const { headingsFound, sections } = splitSections(['# My notes', 'text', '## Thoughts', 'more']);
    expect(headingsFound).toBe(false);
    expect(sections.every((section) => section.step === null)).toBe(true);
  });

  it('accounts for every line exactly once', () => {
    const lines = ['intro', '## Requirements', 'a', '## Data', 'b', '### Sub', 'c', '## Model', '## Serving', 'd'];
    const { sections } = splitSections(lines);
    const seen = sections.flatMap((section) => [...(section.headingLine === null ? [] : [section.headingLine]), ...section.lines]);
    expect(seen.sort((a, b) => a - b)).toEqual(lines.map((_, index) => index));
  });
});

describe('a heading at the steps\' level that names no step', () => {
  it('continues the step before it, and text before any step stays unassigned', () => {
    const { sections } = splitSections(['# Design notes', 'intro', '## 6. Serving', 'a', '## Online path', 'b', '## 7. Monitoring', 'c']);
    expect(sections.map((section) => [section.heading, section.step])).toEqual([
      ['Design notes', null],
      ['6. Serving', 'serving'],
      ['Online path', 'serving'],
      ['7. Monitoring', 'monitoring'],
    ]);
  });
});

describe('a higher heading that names no step, after a step', () => {
  it('continues that step', () => {
    const { sections } = splitSections(['# Title', '## 1. Requirements', '# Big idea', 'x', '## sub point', 'y', '## 2. Framing', 'z']);
    expect(sections.map((section) => section.step)).toEqual([null, 'requirements', 'requirements', 'requirements', 'framing']);
  });
});
