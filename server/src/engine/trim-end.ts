/**
 * `text` without the run of `chars` it ends with. A loop, not `/[.,]+$/`: such a pattern is tried at
 * every character of every run, which is quadratic in a long run that does not end the text.
 */
export function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end--;
  return text.slice(0, end);
}
