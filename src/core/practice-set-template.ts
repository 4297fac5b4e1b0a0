import { FRAMEWORK } from './framework.js';

/** The files `mlsd init` writes, by path relative to the new repository's root. */
export function renderPracticeRepo(options: { name: string; questions: readonly string[]; version: string; template: string }): Record<string, string> {
  const first = options.questions[0]!;
  return {
    'practice-set.yaml': `# yaml-language-server: $schema=node_modules/mlsd/schema/practice-set.schema.json
version: 1
name: ${JSON.stringify(options.name)}
# The questions everyone answers; "mlsd list" shows the bank.
questions:
${options.questions.map((id) => `  - ${id}`).join('\n')}
# Where answers live: every *.md below it (README.md aside), each naming its question.
answers: answers
# The bar every answer must reach, 0-100.
min_score: 60
# Optional per-step bars, by step id (${FRAMEWORK.map((step) => step.id).join(', ')}).
# step_min_scores:
#   evaluation: 50
# Optional folder with the group's own questions/ and rubrics/.
# bank: bank
`,
    'answers/README.md': `# Answers

One Markdown file per answer, anywhere below this folder. Each starts with front matter naming
its question, and has one \`##\` heading per step of the framework:

\`\`\`sh
npx mlsd new ${first} -o answers/<your-name>/${first}.md --candidate <your-name>
npx mlsd grade answers/<your-name>/${first}.md      # your score, misses and hints
npx mlsd grade --set practice-set.yaml               # what CI runs on every push
\`\`\`

An answer passes when it scores at least the set's \`min_score\`; CI fails the push otherwise,
and annotates each file with what it missed.
`,
    [`answers/${first}.md`]: options.template,
    '.github/workflows/mlsd.yml': `name: mlsd
on:
  push:
  pull_request:
jobs:
  grade:
    runs-on: ubuntu-latest
    env:
      # Point this at the mlsd package your group uses (a version, a tarball or a git URL).
      MLSD_PACKAGE: mlsd@${options.version}
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 22
      - run: npm install --global "$MLSD_PACKAGE"
      - run: mlsd grade --set practice-set.yaml --reporter github
`,
  };
}
