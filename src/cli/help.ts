/** User-facing help text (English). A zh-CN catalogue will sit beside it. */
export const HELP = `synack - a terminal tutor for network protocols

Usage:
  synack                         open the tutor (home screen)
  synack learn [LESSON-ID]       open the lesson list, or one lesson at your saved position
  synack diagram NAME|FILE|-     play a TCP scenario live (--plain prints it; --format mermaid|json)
  synack playground              drive a client and server yourself, watch the diagram grow
  synack trace NAME|FILE|-       print the model's trace of a scenario (--json)
  synack scenarios               list the built-in TCP scenarios
  synack quiz                    interview prep: --mode mock|drill|review|mistakes, --topic a,b,
                                 --count N, --time SECONDS, --seed N, --print (worksheet)
  synack stats                   your accuracy per topic and the reviews due (--streak on|off)
  synack check [DIR]             validate lesson files (file:line:col: message)
  synack progress                show saved progress (--export FILE, --import FILE, --reset)

Options:
  --lessons DIR                  use lessons from DIR (or set SYNACK_LESSONS)
  --ascii                        ASCII only, no box drawing
  -h, --help                     this help
  -v, --version                  the version

Progress is saved in your data directory (set SYNACK_HOME to move it).
`;
