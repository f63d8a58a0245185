import { it } from 'vitest';
import { lesson } from './_gen.js';
import { parseLesson } from '../../src/lessons/parse.js';
import { checkLessons, formatProblem } from '../../src/lessons/validate.js';
it('x', () => {
const r = parseLesson(lesson, 'x.md');
console.log(r.problems, !!r.lesson, JSON.stringify(r.lesson?.meta.title));
const c = checkLessons([{file:'x.md', text: lesson}]);
for (const p of c.problems) console.log(JSON.stringify(formatProblem(p)));
});
