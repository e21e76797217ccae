// natural ships no types for its deep modules; we import only the stemmers (see toolchain notes).
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const stemmer: { stem(word: string): string };
  export default stemmer;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer_nl.js' {
  const stemmer: { stem(word: string): string };
  export default stemmer;
}
