import type { Letter, Me, PdfRevision, Signature } from './types';

// What the letter page needs to know about electronic signatures (ADR 0006), kept apart from the
// components so that it can be tested without a browser.

/** Whether the approval of this letter will number it and make its PDF of record, as the server decides it. */
export function signsDigitally(me: Me, letter: Letter): boolean {
  return (me.signatureRequired ?? []).includes(letter.kind) && !!letter.signatory;
}

/** The signatory's own signature, not the approver's visa. */
export function signatorySignature(letter: Letter): Signature | undefined {
  return (letter.signatures ?? []).find((s) => s.role !== 'VISA');
}

/** A SHA-256 short enough to read aloud and compare by eye: its first 16 hex digits in groups of four. */
export function shortHash(sha256: string | null | undefined): string {
  if (!sha256) return '';
  const head = sha256.slice(0, 16).replace(/(.{4})(?=.)/g, '$1 ');
  return sha256.length > 16 ? `${head}…` : head;
}

/** A PAdES level as the standard names it, whether recorded (B_LT) or from /api/verify (PAdES-BASELINE-LT). */
export function padesLevel(level: string | null | undefined): string {
  if (!level) return '';
  const m = level.match(/^B_([A-Z]+)$/);
  return m ? `PAdES-BASELINE-${m[1]}` : level;
}

/**
 * The revisions that make the current PDF of record, oldest first: followed back from the current one,
 * so that revisions of an approval that an edit later invalidated are left out.
 */
export function revisionChain(letter: Letter): PdfRevision[] {
  const bySha = new Map((letter.pdfRevisions ?? []).map((r) => [r.sha256, r]));
  const chain: PdfRevision[] = [];
  for (let r = letter.pdfSha256 ? bySha.get(letter.pdfSha256) : undefined; r && !chain.includes(r);
    r = r.previousSha256 ? bySha.get(r.previousSha256) : undefined) {
    chain.unshift(r);
  }
  return chain;
}
