// The one place where characters become estimated tokens. Claude's tokenizer averages close to
// four characters a token on English text and code; estimates are always labelled as such.
const CHARS_PER_TOKEN = 4;

export function estimateTokens(chars: number): number {
  return Math.ceil(chars / CHARS_PER_TOKEN);
}
