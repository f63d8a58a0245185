/**
 * The built-in scenarios. Their one source is scenarios/NAME.tcp, bundled into the program at build
 * time (`?raw` imports: vite reads them for the tests, scripts/raw-plugin.mjs for esbuild). The first
 * line of each file, `#: ...`, is its one-line description; the rest is the scenario's script.
 */
import { SCENARIO_DESC } from './strings.js';
import handshake from '../../scenarios/handshake.tcp?raw';
import transfer from '../../scenarios/transfer.tcp?raw';
import fourWayClose from '../../scenarios/four-way-close.tcp?raw';
import threeSegmentClose from '../../scenarios/three-segment-close.tcp?raw';
import simultaneousOpen from '../../scenarios/simultaneous-open.tcp?raw';
import simultaneousClose from '../../scenarios/simultaneous-close.tcp?raw';
import synRetransmit from '../../scenarios/syn-retransmit.tcp?raw';
import dataRetransmit from '../../scenarios/data-retransmit.tcp?raw';
import lostFinalAck from '../../scenarios/lost-final-ack.tcp?raw';
import refused from '../../scenarios/refused.tcp?raw';
import oldDuplicateSyn from '../../scenarios/old-duplicate-syn.tcp?raw';
import halfOpen from '../../scenarios/half-open.tcp?raw';
import synFlood from '../../scenarios/syn-flood.tcp?raw';
import synFloodCookies from '../../scenarios/syn-flood-cookies.tcp?raw';
import acceptOverflow from '../../scenarios/accept-overflow.tcp?raw';
import zeroWindow from '../../scenarios/zero-window.tcp?raw';
import slowStart from '../../scenarios/slow-start.tcp?raw';
import congestionAvoidance from '../../scenarios/congestion-avoidance.tcp?raw';
import fastRetransmit from '../../scenarios/fast-retransmit.tcp?raw';
import rtoLoss from '../../scenarios/rto-loss.tcp?raw';
import delayedAck from '../../scenarios/delayed-ack.tcp?raw';
import nagleDelayedAck from '../../scenarios/nagle-delayed-ack.tcp?raw';

export interface Scenario {
  name: string;
  description: string;
  source: string;
}

/** The description is the file's first line, `#: TEXT`; the source is the rest of the file. */
export function scenarioFromFile(name: string, text: string): Scenario {
  const nl = text.indexOf('\n');
  const first = nl < 0 ? text : text.slice(0, nl);
  if (!first.startsWith('#:')) return { name, description: '', source: text };
  return { name, description: first.slice(2).trim(), source: text.slice(nl + 1) };
}

/** In the order `synack scenarios` lists them. */
export const SCENARIOS: readonly Scenario[] = (
  [
    ['handshake', handshake],
    ['transfer', transfer],
    ['four-way-close', fourWayClose],
    ['three-segment-close', threeSegmentClose],
    ['simultaneous-open', simultaneousOpen],
    ['simultaneous-close', simultaneousClose],
    ['syn-retransmit', synRetransmit],
    ['data-retransmit', dataRetransmit],
    ['lost-final-ack', lostFinalAck],
    ['refused', refused],
    ['old-duplicate-syn', oldDuplicateSyn],
    ['half-open', halfOpen],
    ['syn-flood', synFlood],
    ['syn-flood-cookies', synFloodCookies],
    ['accept-overflow', acceptOverflow],
    ['zero-window', zeroWindow],
    ['slow-start', slowStart],
    ['congestion-avoidance', congestionAvoidance],
    ['fast-retransmit', fastRetransmit],
    ['rto-loss', rtoLoss],
    ['delayed-ack', delayedAck],
    ['nagle-delayed-ack', nagleDelayedAck],
  ] as const
).map(([name, source]) => builtin(scenarioFromFile(name, source)));

/**
 * A built-in scenario whose description follows the current language (SCENARIO_DESC), read when
 * asked, so a list built before a language switch still shows the new language.
 */
function builtin(s: Scenario): Scenario {
  const own = s.description;
  return {
    name: s.name,
    source: s.source,
    get description() {
      return (SCENARIO_DESC as Record<string, string>)[s.name] ?? own;
    },
  };
}

export function getScenario(name: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.name === name);
}
