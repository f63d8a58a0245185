/** The whole App on the fixture lessons at the fixed test time, recording every save in `saved`. */
import { App } from '../../../src/ui/app.js';
import type { ScreenRequest } from '../../../src/ui/screen.js';
import { emptyProgress, type Progress } from '../../../src/store/types.js';
import { FakeClock } from './render.js';
import { fixtureLessons, T0 } from './fixtures.js';

export function fixtureApp(initial: ScreenRequest | ScreenRequest[], progress: Progress = emptyProgress(), saved: Progress[] = []) {
  return (
    <App
      initial={initial}
      lessons={fixtureLessons()}
      progress={progress}
      clock={new FakeClock(T0)}
      saveProgress={(p) => {
        saved.push(p);
        return null;
      }}
    />
  );
}
