import { stringify } from 'yaml';
import { FRAMEWORK } from '../framework.js';
import type { Question } from '../schema/question.js';
import { sanitize } from '../text/sanitize.js';

/**
 * A notes file to fill in: front matter, the prompt as a quote, and one heading per step. The
 * question's text is sanitized, as the file is shown in a terminal and an editor.
 */
export function renderNotesTemplate(question: Question, candidate?: string): string {
  const frontMatter = stringify({ question: question.id, ...(candidate ? { candidate } : {}) }).trimEnd();
  const prompt = [`**${sanitize(question.title)}**`, '', ...sanitize(question.prompt.trim()).split('\n')].map((line) => `> ${line}`.trimEnd());
  const lines = ['---', frontMatter, '---', '', ...prompt];
  for (const step of FRAMEWORK) {
    lines.push('', `## ${step.number}. ${step.title}`, '', '<!--');
    for (const guide of question.guiding[step.id] ?? step.guiding) lines.push(`- ${sanitize(guide).replace(/--/g, '-')}`);
    lines.push('-->', '');
  }
  return `${lines.join('\n')}\n`;
}
