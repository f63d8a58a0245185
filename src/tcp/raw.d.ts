/** Text files bundled at build time (scenarios/*.tcp): `import text from './x.tcp?raw'`. */
declare module '*.tcp?raw' {
  const text: string;
  export default text;
}
