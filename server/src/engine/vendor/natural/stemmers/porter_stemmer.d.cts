/** natural's Porter stemmer: stem() of one lower-case word. */
declare const stemmer: { stem(word: string): string };
export = stemmer;
